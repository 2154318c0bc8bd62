import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currencyCodes, currencyName, currencySymbol, formatAmount, isCurrencyCode, NUMBER_SCALES, type NumberScale } from '../../../../shared/display/numbers';
import { announceNumberScale } from '../../app/number-scale';
import { useWorkbench } from '../../app/context';

/** The engagement's currency (any ISO 4217 code, with its symbol) and its amounts in full or in 万/亿. */
export function NumberDisplayCard() {
  const { t } = useTranslation('workbench');
  const wb = useWorkbench();
  const [scale, setScale] = useState<NumberScale>('full');
  const [currency, setCurrency] = useState(wb.workspace?.meta.currency ?? 'CNY');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    wb.api['display.get']({}).then((d) => {
      setScale(d.numberScale);
      setCurrency(d.currency);
    }, wb.reportError);
  }, [wb.api, wb.reportError, wb.workspace?.path]);
  const codes = useMemo(() => currencyCodes(), []);
  const code = currency.trim().toUpperCase();
  const valid = isCurrencyCode(code);
  const save = async () => {
    try {
      const out = await wb.api['display.save']({ numberScale: scale, currency: code });
      announceNumberScale(out.settings.numberScale);
      await wb.refreshWorkspace();
      setSaved(true);
    } catch (err) {
      wb.reportError(err);
    }
  };
  return (
    <div className="card" data-testid="number-display">
      <div className="card-header">
        <h2>{t('display.title')}</h2>
        <span className="muted small">
          {t('display.example', { example: formatAmount(12_345_678, { locale: wb.locale, currency: valid ? code : null, scale }) })}
        </span>
      </div>
      <div className="form-grid">
        <label className="field">
          <span className="field-label">{t('display.currency')}</span>
          <input
            list="rwb-currency-codes"
            value={currency}
            maxLength={3}
            onChange={(e) => {
              setCurrency(e.target.value.toUpperCase());
              setSaved(false);
            }}
            aria-invalid={!valid}
            data-testid="display-currency"
          />
          <datalist id="rwb-currency-codes">
            {codes.map((c) => (
              <option key={c} value={c}>
                {`${c} · ${currencySymbol(c, wb.locale)} · ${currencyName(c, wb.locale)}`}
              </option>
            ))}
          </datalist>
          <span className={valid ? 'field-help' : 'field-help danger-text'}>
            {valid ? `${currencySymbol(code, wb.locale)} · ${currencyName(code, wb.locale)}` : t('display.invalid')}
          </span>
        </label>
        <label className="field">
          <span className="field-label">{t('display.scale')}</span>
          <select
            value={scale}
            onChange={(e) => {
              setScale(e.target.value as NumberScale);
              setSaved(false);
            }}
            data-testid="display-scale"
          >
            {NUMBER_SCALES.map((s) => (
              <option key={s} value={s}>
                {t(`display.scales.${s}`)}
              </option>
            ))}
          </select>
          <span className="field-help">{t('display.scaleHelp')}</span>
        </label>
        <div>
          <button className="btn btn-primary" disabled={!valid} onClick={() => void save()} data-testid="display-save">
            {t('display.save')}
          </button>{' '}
          {saved ? <span className="muted small">{t('display.saved')}</span> : null}
        </div>
      </div>
    </div>
  );
}
