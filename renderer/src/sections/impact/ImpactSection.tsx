import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../../app/context';
import { ExperimentsView } from './ExperimentsView';
import { RepairsView } from './RepairsView';
import { IndicatorsView } from './IndicatorsView';
import { FeeView } from './FeeView';
import './impact.css';

const TABS = ['experiments', 'repairs', 'indicators', 'fee'] as const;
type Tab = (typeof TABS)[number];

/** 成效评估: did it work? #/e/impact/<tab> */
export function ImpactSection() {
  const { t } = useTranslation('impact');
  const wb = useWorkbench();
  const sub = wb.route.split('/')[3] ?? 'experiments';
  const tab: Tab = (TABS as readonly string[]).includes(sub) ? (sub as Tab) : 'experiments';
  return (
    <div className="section-stack impact">
      <div className="card impact-toolbar">
        <div className="impact-tabs" role="tablist">
          {TABS.map((id) => (
            <button
              key={id}
              role="tab"
              aria-selected={tab === id}
              className={tab === id ? 'active' : ''}
              data-testid={`impact-tab-${id}`}
              onClick={() => wb.navigate(`/e/impact/${id}`)}
            >
              {t(`tabs.${id}`)}
            </button>
          ))}
        </div>
        <p className="muted small">{t('intro')}</p>
      </div>
      {tab === 'experiments' && <ExperimentsView />}
      {tab === 'repairs' && <RepairsView />}
      {tab === 'indicators' && <IndicatorsView />}
      {tab === 'fee' && <FeeView />}
    </div>
  );
}
