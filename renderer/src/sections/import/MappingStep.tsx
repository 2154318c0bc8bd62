import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/contract/import';
import { ENTITY_KINDS, type EntityKind } from '../../../../shared/domain/entities';
import type { ImportOptions, MappingEntry } from '../../../../shared/import/batch';
import type { ReadOverrides } from '../../../../shared/import/plan';
import { ATTRIBUTE_ENTITIES, ATTRIBUTE_FIELD, ATTRIBUTE_TYPES, type AttributeType } from '../../../../shared/import/attributes';
import { ENTITY_FIELDS, missingRequiredFields } from '../../../../shared/import/fields';
import { cellText, isBlankCell } from '../../../../shared/import/text';
import { formatBytes } from '../../format';
import { useWorkbench } from '../../app/context';

/** What the user may change before previewing again: the entity and how to read the file. */
export type ReadSettings = ReadOverrides & { entity?: EntityKind };

interface Props {
  preview: ImportPreview;
  onReload(settings: ReadSettings): void;
  onRun(mapping: MappingEntry[], options: ImportOptions, saveAs: string | null): void;
  onCancel(): void;
}

const ENCODINGS = ['UTF-8', 'GB18030', 'UTF-16LE', 'UTF-16BE', 'Big5'];
const DELIMITERS = [
  [',', 'comma'],
  ['\t', 'tab'],
  [';', 'semicolon'],
  ['|', 'pipe'],
] as const;

function confidenceClass(c: number): 'high' | 'mid' | 'low' {
  return c >= 0.8 ? 'high' : c >= 0.5 ? 'mid' : 'low';
}

/** Step 2-4: what the file holds, which column goes where (pre-filled with the suggestion), options, run. */
export function MappingStep({ preview, onReload, onRun, onCancel }: Props) {
  const { t } = useTranslation('import');
  const wb = useWorkbench();
  const entity = preview.entity;
  const fields = ENTITY_FIELDS[entity].fields;
  const suggested = useMemo(() => new Map((preview.mapping?.assignments ?? []).map((a) => [a.column, a])), [preview]);
  const [byColumn, setByColumn] = useState<Record<number, string>>({});
  // Columns kept as customer attributes: the type their values are kept as.
  const [attributeTypes, setAttributeTypes] = useState<Record<number, AttributeType>>({});
  const keepsAttributes = (ATTRIBUTE_ENTITIES as readonly string[]).includes(entity);
  const [unknownCustomers, setUnknownCustomers] = useState<ImportOptions['unknownCustomers']>('create');
  const [slashOrder, setSlashOrder] = useState<'' | 'mdy' | 'dmy'>('');
  const [save, setSave] = useState(false);
  const [system, setSystem] = useState('');

  useEffect(() => {
    setByColumn(Object.fromEntries((preview.mapping?.assignments ?? []).map((a) => [a.column, a.field])));
    setAttributeTypes(Object.fromEntries((preview.mapping?.assignments ?? []).flatMap((a) => (a.attributeType ? [[a.column, a.attributeType]] : []))));
    if (preview.savedMapping) setSystem(preview.savedMapping.system);
  }, [preview]);

  const width = Math.max(preview.headers.length, ...preview.rows.map((r) => r.cells.length));
  const columns = Array.from({ length: width }, (_, c) => c);
  const mappedFields = Object.values(byColumn).filter((f) => f !== '' && f !== ATTRIBUTE_FIELD);
  const missing = missingRequiredFields(entity, mappedFields);
  const fieldLabel = (name: string) => (name === ATTRIBUTE_FIELD ? t('ui.attributeGroup') : t(`fields.${entity}.${name}`));
  const header = (c: number) => preview.headers[c] || `#${c + 1}`;

  const assign = (column: number, choice: string) => {
    const [field, type] = choice.startsWith(`${ATTRIBUTE_FIELD}:`)
      ? [ATTRIBUTE_FIELD, choice.slice(ATTRIBUTE_FIELD.length + 1) as AttributeType]
      : [choice, null];
    if (type !== null) setAttributeTypes((cur) => ({ ...cur, [column]: type }));
    setByColumn((cur) => {
      const next: Record<number, string> = {};
      // One column per field: choosing a field another column had takes it from that column.
      // Attributes are many: keeping one column as an attribute takes nothing from another.
      for (const [k, v] of Object.entries(cur)) next[Number(k)] = field !== '' && field !== ATTRIBUTE_FIELD && v === field ? '' : v;
      next[column] = field;
      return next;
    });
  };

  const samples = (c: number): string =>
    preview.rows
      .map((r) => r.cells[c])
      .filter((v) => !isBlankCell(v ?? null))
      .slice(0, 4)
      .map((v) => cellText(v ?? null))
      .join(' · ');

  const run = () => {
    const mapping: MappingEntry[] = [];
    for (const c of columns) {
      const field = byColumn[c];
      if (!field) continue;
      const s = suggested.get(c);
      const entry: MappingEntry = { field, column: c, header: preview.headers[c] ?? '' };
      if (s && s.field === field && s.scale !== undefined) entry.scale = s.scale;
      if (field === ATTRIBUTE_FIELD) entry.attributeType = attributeTypes[c] ?? 'category';
      mapping.push(entry);
    }
    const options: ImportOptions = { unknownCustomers, ...(slashOrder ? { slashOrder } : {}) };
    onRun(mapping, options, save && system.trim() ? system.trim() : null);
  };

  const have = new Set(mappedFields);
  const keptHeaders = columns
    .filter((c) => byColumn[c] === ATTRIBUTE_FIELD)
    .map((c) => `${header(c)} · ${t(`attributeTypes.${attributeTypes[c] ?? 'category'}`)}`);
  const derivedNote =
    entity === 'orders' && !have.has('amount') && have.has('quantity') && have.has('unitPrice')
      ? t('ui.amountDerived')
      : entity === 'contracts' && !have.has('recurringValue') && (have.has('annualValue') || have.has('monthlyValue'))
        ? t('ui.contractDerived')
        : null;

  return (
    <>
      <div className="card" data-testid="import-file-card">
        <div className="imp-file-head">
          <div>
            <div className="muted small">{t('ui.step1')}</div>
            <div className="imp-file-name" data-testid="import-file-name">
              {preview.fileName}
            </div>
            <div className="muted small">
              {preview.rowEstimate !== null
                ? t('ui.fileFacts', { size: formatBytes(preview.fileSize), rows: preview.rowEstimate.toLocaleString(wb.locale) })
                : t('ui.fileFactsNoRows', { size: formatBytes(preview.fileSize) })}
              {preview.text ? ` · ${preview.text.encoding}` : ''}
            </div>
          </div>
          <button className="btn" onClick={onCancel}>
            {t('ui.startOver')}
          </button>
        </div>
        <div className="imp-settings">
          <label className="field">
            <span className="field-label">{t('ui.step2')}</span>
            <select
              value={entity}
              onChange={(e) => onReload({ entity: e.target.value as EntityKind, sheet: preview.sheet ?? undefined })}
              data-testid="import-entity"
            >
              {ENTITY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`entities.${k}`)}
                </option>
              ))}
            </select>
            {preview.guess.entity === entity && preview.guess.confidence > 0.3 ? <span className="imp-guess">✓ {t('ui.entityGuessed')}</span> : null}
          </label>
          {preview.format === 'xlsx' ? (
            <label className="field">
              <span className="field-label">{t('ui.sheet')}</span>
              <select value={preview.sheet ?? ''} onChange={(e) => onReload({ entity, sheet: e.target.value })} data-testid="import-sheet">
                {preview.sheets.map((s) => (
                  <option key={s.name} value={s.name}>
                    {s.name}
                    {s.hidden ? ' (hidden)' : ''}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label className="field">
            <span className="field-label">{t('ui.headerRow')}</span>
            <input
              type="number"
              min={1}
              defaultValue={preview.headerRow}
              key={`${preview.fileName}-${preview.headerRow}`}
              onBlur={(e) => {
                const n = Number(e.target.value);
                if (n >= 1 && n !== preview.headerRow) onReload({ entity, sheet: preview.sheet ?? undefined, headerRow: n });
              }}
            />
          </label>
          {preview.text ? (
            <>
              <label className="field">
                <span className="field-label">{t('ui.encoding')}</span>
                <select value={preview.text.encoding} onChange={(e) => onReload({ entity, encoding: e.target.value })}>
                  {[...new Set([preview.text.encoding, ...ENCODINGS])].map((x) => (
                    <option key={x}>{x}</option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span className="field-label">{t('ui.delimiter')}</span>
                <select value={preview.text.delimiter} onChange={(e) => onReload({ entity, delimiter: e.target.value as ReadSettings['delimiter'] })}>
                  {DELIMITERS.map(([d, k]) => (
                    <option key={k} value={d}>
                      {t(`preview.delimiters.${k}`)}
                    </option>
                  ))}
                </select>
              </label>
            </>
          ) : null}
        </div>
      </div>

      <div className="imp-map-layout">
        <div className="card">
          <div className="card-header">
            <h2>{t('ui.step3')}</h2>
          </div>
          <p className="muted small">{t('ui.mappingHelp')}</p>
          {keepsAttributes ? (
            <p className="muted small" data-testid="import-attribute-help">
              {t('ui.attributeHelp')}
            </p>
          ) : null}
          {preview.savedMapping ? <div className="imp-status info">{t('ui.savedMappingApplied', { system: preview.savedMapping.system })}</div> : null}
          <table className="table imp-map-table" data-testid="import-mapping">
            <thead>
              <tr>
                <th>{t('ui.sourceColumn')}</th>
                <th>{t('ui.target')}</th>
                <th>{t('ui.confidence')}</th>
                <th>{t('ui.samples')}</th>
              </tr>
            </thead>
            <tbody>
              {columns.map((c) => {
                const field = byColumn[c] ?? '';
                const s = suggested.get(c);
                const fromSuggestion = s !== undefined && s.field === field;
                return (
                  <tr key={c} className={field ? '' : 'unmapped'} data-testid={`import-map-row-${c}`}>
                    <td>
                      <span className="imp-col-index">{c + 1}</span>
                      <span className="imp-col-name">{header(c)}</span>
                    </td>
                    <td>
                      <select
                        value={field === ATTRIBUTE_FIELD ? `${ATTRIBUTE_FIELD}:${attributeTypes[c] ?? 'category'}` : field}
                        onChange={(e) => assign(c, e.target.value)}
                        aria-label={header(c)}
                        data-testid={`import-map-${c}`}
                      >
                        <option value="">{t('ui.notImported')}</option>
                        {fields.map((f) => (
                          <option key={f.name} value={f.name}>
                            {fieldLabel(f.name)}
                            {f.required ? ` *` : ''}
                          </option>
                        ))}
                        {keepsAttributes ? (
                          <optgroup label={t('ui.attributeGroup')}>
                            {ATTRIBUTE_TYPES.map((type) => (
                              <option key={type} value={`${ATTRIBUTE_FIELD}:${type}`}>
                                {t('ui.attributeOption', { type: t(`attributeTypes.${type}`) })}
                              </option>
                            ))}
                          </optgroup>
                        ) : null}
                      </select>
                    </td>
                    <td>
                      {fromSuggestion ? (
                        <span className={`imp-conf ${confidenceClass(s.confidence)}`} title={t(`mappingReasons.${s.reason}`, { synonym: s.synonym ?? '' })}>
                          {Math.round(s.confidence * 100)}% ·{' '}
                          {t(`ui.confidence${confidenceClass(s.confidence) === 'high' ? 'High' : confidenceClass(s.confidence) === 'mid' ? 'Mid' : 'Low'}`)}
                        </span>
                      ) : null}
                    </td>
                    <td className="imp-samples" title={samples(c)}>
                      {samples(c)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>

        <div className="section-stack">
          <div className="card">
            <h2>{t('entities.' + entity)}</h2>
            {missing.length > 0 ? (
              <div className="imp-status warn" data-testid="import-missing">
                {t('ui.missingRequired', { fields: missing.map(fieldLabel).join('、') })}
              </div>
            ) : (
              <div className="imp-status ok">{t('ui.allRequired')}</div>
            )}
            {derivedNote ? <div className="imp-status info">{derivedNote}</div> : null}
            {entity === 'customers' && !have.has('name') && have.has('customerKey') ? (
              <div className="imp-status info" data-testid="import-no-name">
                {t('ui.noNameColumn')}
              </div>
            ) : null}
            {keptHeaders.length > 0 ? (
              <div className="muted small imp-kept" data-testid="import-attributes-kept">
                {t('ui.attributesKept', { count: keptHeaders.length, names: keptHeaders.join(wb.locale === 'en' ? ', ' : '、') })}
              </div>
            ) : null}
            <ul className="imp-fields">
              {fields.map((f) => {
                const col = Object.entries(byColumn).find(([, v]) => v === f.name)?.[0];
                const isMissing = missing.includes(f.name);
                if (col === undefined && !f.required) return null;
                return (
                  <li key={f.name} className={isMissing ? 'missing' : 'done'}>
                    <span>
                      {fieldLabel(f.name)}
                      {f.required ? <span className="muted"> · {t('ui.required')}</span> : null}
                    </span>
                    <span className="muted">{col !== undefined ? header(Number(col)) : isMissing ? '✕' : '—'}</span>
                  </li>
                );
              })}
            </ul>
          </div>

          <div className="card imp-options">
            <h2>{t('ui.step4')}</h2>
            {entity === 'orders' ? (
              <div>
                <div className="field-label">{t('ui.unknownCustomers')}</div>
                <label className="imp-radio">
                  <input
                    type="radio"
                    checked={unknownCustomers === 'create'}
                    onChange={() => setUnknownCustomers('create')}
                    data-testid="import-unknown-create"
                  />
                  <span>{t('ui.unknownCreate')}</span>
                </label>
                <label className="imp-radio">
                  <input
                    type="radio"
                    checked={unknownCustomers === 'reject'}
                    onChange={() => setUnknownCustomers('reject')}
                    data-testid="import-unknown-reject"
                  />
                  <span>{t('ui.unknownReject')}</span>
                </label>
              </div>
            ) : null}
            <label className="field">
              <span className="field-label">{t('ui.slashOrder')}</span>
              <select value={slashOrder} onChange={(e) => setSlashOrder(e.target.value as '' | 'mdy' | 'dmy')}>
                <option value="">{t('ui.slashNone')}</option>
                <option value="mdy">{t('ui.slashMdy')}</option>
                <option value="dmy">{t('ui.slashDmy')}</option>
              </select>
            </label>
            <label className="imp-radio">
              <input type="checkbox" checked={save} onChange={(e) => setSave(e.target.checked)} />
              <span>{t('ui.saveMapping')}</span>
            </label>
            {save ? <input type="text" value={system} onChange={(e) => setSystem(e.target.value)} placeholder={t('ui.saveMappingPlaceholder')} /> : null}
            <div className="imp-run">
              <button className="btn btn-primary" disabled={missing.length > 0} onClick={run} data-testid="import-run">
                {t('ui.run', { entity: t(`entities.${entity}`) })}
              </button>
            </div>
          </div>
        </div>
      </div>

      <div className="card">
        <h2>{t('ui.firstRows')}</h2>
        <div className="imp-preview-wrap">
          <table className="table" data-testid="import-preview-table">
            <thead>
              <tr>
                <th className="imp-rownum">#</th>
                {columns.map((c) => (
                  <th key={c} className={byColumn[c] ? 'mapped' : ''}>
                    {header(c)}
                    {byColumn[c] ? (
                      <span className="imp-th-field">
                        → {fieldLabel(byColumn[c]!)}
                        {byColumn[c] === ATTRIBUTE_FIELD ? ` · ${t(`attributeTypes.${attributeTypes[c] ?? 'category'}`)}` : ''}
                      </span>
                    ) : null}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.slice(0, 12).map((r) => (
                <tr key={r.rowNumber}>
                  <td className="imp-rownum">{r.rowNumber}</td>
                  {columns.map((c) => (
                    <td key={c}>{cellText(r.cells[c] ?? null)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}
