import { useWorkbench } from '../../app/context';
import { parseRoute } from './text';
import { AssessmentList } from './AssessmentList';
import { AnswerView } from './AnswerView';
import { ResultsView } from './ResultsView';
import { PresenterView } from './PresenterView';
import { MatrixView } from './MatrixView';
import { TemplatesView } from './TemplatesView';
import { TemplateEditor } from './TemplateEditor';
import './checklists.css';

/** 自检清单: assessments, workshop answering, results, presenter, matrix and template management. */
export function ChecklistsSection() {
  const wb = useWorkbench();
  const r = parseRoute(wb.route);
  switch (r.view) {
    case 'list':
      return <AssessmentList />;
    case 'answer':
      return <AnswerView key={r.id} id={r.id} />;
    case 'results':
      return <ResultsView key={r.id} id={r.id} />;
    case 'present':
      return <PresenterView key={r.id} id={r.id} />;
    case 'matrix':
      return <MatrixView templateId={r.templateId} />;
    case 'templates':
      return <TemplatesView />;
    case 'edit':
      return <TemplateEditor key={r.templateId} templateId={r.templateId} />;
  }
}
