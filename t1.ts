import { normalizeFeed, guessMapping, tablesToArrow } from './src/data/index.js';
const csv = `InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/10 8:26,2.55,17850,United Kingdom
536365,71053,WHITE METAL LANTERN,6,12/1/10 8:26,3.39,17850,United Kingdom
536365,71053,WHITE METAL LANTERN,6,12/1/10 8:26,3.39,17850,United Kingdom
C536379,D,Discount,-1,12/1/10 9:41,27.5,14527,United Kingdom
536380,22961,JAM MAKING SET PRINTED,24,12/13/10 9:41,1.45,,United Kingdom
536381,22139,RETROSPOT TEA SET,1,12/13/10 10:00,4.95,14527,United Kingdom
C536383,35004C,SET OF 3 COLOURED  FLYING DUCKS,-1,12/13/10 10:00,4.65,15311,United Kingdom
`;
const header = csv.split('\n')[0].split(',');
const m = guessMapping(header, 'orders');
console.log(m);
const r = normalizeFeed({ csv }, { mapping: { orders: m }, now: Date.UTC(2011, 11, 31) });
console.log(JSON.stringify(r.report, null, 1).slice(0, 4000));
console.log(r.tables.orders.objects());
tablesToArrow(r.tables);
