/** Vehicles: service due from the interval rule, mileage rates, repair frequency per vehicle. */
export * from './settings.js';
export * from './service-due.js';
export * from './customer-vehicles.js';
