/** Texts of the import dialog's own controls and report lines (the data layer's texts: data-messages). */
import { defineMessages } from '../../src/i18n/messages.js';

export const importMessages = defineMessages(
  {
    sheet: 'Sheet of the workbook',
    dateFormat: 'Dates written as 01/02/2024',
    dateAuto: 'Detect per column (month-first when a column does not tell)',
    dateMdy: 'Month first (M/D/Y)',
    dateDmy: 'Day first (D/M/Y)',
    dateYmd: 'Year first only (Y-M-D)',
    summary: '{orders} orders · {customers} customers · net revenue {revenue}',
    kinds: '{purchase} purchase lines · {credit} credit / refund lines · {cancelled} cancelled or returned lines',
    notes: 'Notes',
    invalidReason: '{field} ({reason}) × {count}',
  },
  {
    sheet: '工作簿中的工作表',
    dateFormat: '写作 01/02/2024 的日期',
    dateAuto: '按列自动识别（无法判断时按月在前）',
    dateMdy: '月在前（M/D/Y）',
    dateDmy: '日在前（D/M/Y）',
    dateYmd: '只接受年在前（Y-M-D）',
    summary: '{orders} 笔订单 · {customers} 位客户 · 净收入 {revenue}',
    kinds: '{purchase} 行购买 · {credit} 行贷项／退款 · {cancelled} 行已取消或退货',
    notes: '说明',
    invalidReason: '{field}（{reason}）× {count}',
  },
);
