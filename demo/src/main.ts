// The demo page: the package root registers every crm-lens tag; the app lays them out.
import '../../src/index.js';
import './app.js';
