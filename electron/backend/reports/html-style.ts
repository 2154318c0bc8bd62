import { CHART_THEME } from '../../../shared/charts/theme';

// Print stylesheet for the report. A4 with the page margins given to the printer (the header and
// footer templates live in those margins), so @page sets only the size.
export const REPORT_FONT_STACK = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

export const REPORT_CSS = `
@page { size: A4; }
/* On screen (the builder's preview) the pages sit on a grey desk; print ignores this block. */
@media screen {
  html { background: #E9ECF1; }
  body { max-width: 210mm; margin: 0 auto; background: #FFFFFF; padding: 14mm 14mm 20mm; box-shadow: 0 1px 4px rgba(0,0,0,0.12); }
  .cover { height: auto; min-height: 200mm; }
  .report-section { margin-top: 14mm; padding-top: 8mm; border-top: 1px dashed ${CHART_THEME.axisLine}; }
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${REPORT_FONT_STACK}; font-size: 10pt; line-height: 1.6; color: ${CHART_THEME.text}; }
h1, h2, h3 { font-weight: 700; line-height: 1.3; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 0.6em; }
.num { font-variant-numeric: tabular-nums; }

.cover { height: 245mm; display: flex; flex-direction: column; justify-content: space-between; break-after: page; page-break-after: always; }
.cover-band { border-left: 6px solid ${CHART_THEME.palette[0]}; padding: 40mm 0 0 10mm; }
.cover-kicker { color: ${CHART_THEME.palette[1]}; font-size: 11pt; letter-spacing: 0.08em; margin-bottom: 6mm; }
.cover h1 { font-size: 26pt; margin: 0 0 4mm; color: ${CHART_THEME.palette[0]}; }
.cover-subtitle { font-size: 13pt; color: ${CHART_THEME.mutedText}; }
.cover-meta { width: 100%; border-collapse: collapse; margin-top: 18mm; font-size: 11pt; }
.cover-meta th { text-align: left; font-weight: 400; color: ${CHART_THEME.mutedText}; width: 28mm; padding: 2mm 0; vertical-align: top; }
.cover-meta td { padding: 2mm 0; border-bottom: 1px solid ${CHART_THEME.splitLine}; }
.cover-foot { font-size: 9pt; color: ${CHART_THEME.mutedText}; border-top: 1px solid ${CHART_THEME.axisLine}; padding-top: 3mm; }
.cover-foot p { margin: 0 0 1mm; }
.notice { color: ${CHART_THEME.tones.red}; }

.toc { break-after: page; page-break-after: always; }
.toc h2 { font-size: 16pt; color: ${CHART_THEME.palette[0]}; border-bottom: 2px solid ${CHART_THEME.palette[0]}; padding-bottom: 2mm; }
.toc ol { list-style: none; padding: 0; margin: 0; }
.toc li { display: flex; gap: 4mm; padding: 2.2mm 0; border-bottom: 1px dotted ${CHART_THEME.axisLine}; font-size: 11pt; }
.toc li .toc-num { color: ${CHART_THEME.palette[0]}; font-weight: 700; min-width: 8mm; }
.toc a { color: inherit; text-decoration: none; }

.report-section { break-before: page; page-break-before: always; }
.report-section > h1 { font-size: 17pt; color: ${CHART_THEME.palette[0]}; margin: 0 0 5mm; padding-bottom: 2mm; border-bottom: 2px solid ${CHART_THEME.palette[0]}; }
.report-section > h1 .sec-num { color: ${CHART_THEME.palette[1]}; margin-right: 3mm; }
.report-section.pending { break-before: auto; page-break-before: auto; margin-top: 10mm; }
.report-section.pending > h1 { font-size: 13pt; }
.block { margin: 0 0 6mm; }
.block-title { font-size: 11.5pt; margin: 0 0 2mm; color: ${CHART_THEME.text}; }
.block-note { font-size: 8.5pt; color: ${CHART_THEME.mutedText}; margin-top: 1.5mm; }

.consultant { background: #F3F6FA; border-left: 4px solid ${CHART_THEME.palette[1]}; padding: 3mm 4mm; margin-bottom: 6mm; break-inside: avoid; }
.consultant h3 { font-size: 10pt; color: ${CHART_THEME.palette[1]}; margin: 0 0 1.5mm; }

.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(40mm, 1fr)); gap: 3mm; }
.figure { border: 1px solid ${CHART_THEME.splitLine}; border-top: 3px solid ${CHART_THEME.palette[0]}; padding: 2.5mm 3mm; break-inside: avoid; }
.figure.tone-red { border-top-color: ${CHART_THEME.tones.red}; }
.figure.tone-yellow { border-top-color: ${CHART_THEME.tones.yellow}; }
.figure.tone-green { border-top-color: ${CHART_THEME.tones.green}; }
.figure-label { font-size: 8.5pt; color: ${CHART_THEME.mutedText}; }
.figure-value { font-size: 17pt; font-weight: 700; color: ${CHART_THEME.text}; font-variant-numeric: tabular-nums; }
.figure-note { font-size: 7.5pt; color: ${CHART_THEME.mutedText}; line-height: 1.4; }

table.data { width: 100%; border-collapse: collapse; font-size: 8.5pt; }
table.data thead { display: table-header-group; break-after: avoid; page-break-after: avoid; }
/* Row groups (html-table-groups.ts): the first rows stay with the header, the last rows stay together,
   and a short table moves whole with its title and note when it does not fit the rest of a page. */
table.data tbody.keep { break-inside: avoid; page-break-inside: avoid; }
.block.keep { break-inside: avoid; page-break-inside: avoid; }
.block-note { break-before: avoid; page-break-before: avoid; }
table.data th { background: ${CHART_THEME.palette[0]}; color: #FFFFFF; font-weight: 700; text-align: left; padding: 1.6mm 2mm; }
table.data td { padding: 1.3mm 2mm; border-bottom: 1px solid ${CHART_THEME.splitLine}; }
table.data tr { break-inside: avoid; page-break-inside: avoid; }
table.data tbody tr.alt td { background: #F8FAFC; }
table.data .r { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.data .d { white-space: nowrap; }
table.data th.r { text-align: right; }
table.data td.partial { font-style: italic; outline: 1px dashed ${CHART_THEME.partialBorder}; outline-offset: -2px; }
table.data td.empty { color: ${CHART_THEME.mutedText}; text-align: center; }

figure.chart { margin: 0 0 6mm; break-inside: avoid; page-break-inside: avoid; text-align: center; }
figure.chart svg { max-width: 100%; height: auto; }
figure.chart figcaption { font-size: 8.5pt; color: ${CHART_THEME.mutedText}; margin-top: 1mm; }

ul.bullets { margin: 0 0 4mm; padding-left: 5mm; }
ul.bullets li { margin-bottom: 1.2mm; }
`;
