import { createProgram } from './program';
import { refusePassphraseArgument } from './passphrase';
import { claimPrivateTemp } from '../backend/private-temp';
import { registerEngagementCommands } from './commands/engagement';
import { registerServeCommand } from './commands/serve';
import { registerImportCommands } from './commands/import';
import { registerDiagnosticsCommands } from './commands/diagnostics';
import { registerHealthCommands } from './commands/health';
import { registerHealthModelCommands } from './commands/health-models';
import { registerTriageCommands } from './commands/triage';
import { registerChecklistsCommands } from './commands/checklists';
import { registerReportsCommands } from './commands/reports';
import { registerChurnCommands } from './commands/churn';
import { registerClvCommands } from './commands/clv';
import { registerImpactCommands } from './commands/impact';
import { registerPrivacyCommands } from './commands/privacy';
import { registerParamsCommands } from './commands/params';
import { registerFindingsCommands } from './commands/findings';
import { registerVocCommands } from './commands/voc';
import { registerTableExportCommands } from './commands/table-export';
import { registerViewsCommands } from './commands/views';
import { registerVocCommands } from './commands/voc';

claimPrivateTemp();
refusePassphraseArgument(process.argv);

// Each domain registers its own commands; this file only assembles them.
const program = createProgram();
registerEngagementCommands(program);
registerImportCommands(program);
registerDiagnosticsCommands(program);
registerHealthCommands(program);
registerHealthModelCommands(program);
registerTriageCommands(program);
registerChecklistsCommands(program);
registerReportsCommands(program);
registerChurnCommands(program);
registerClvCommands(program);
registerImpactCommands(program);
registerPrivacyCommands(program);
registerParamsCommands(program);
registerFindingsCommands(program);
registerVocCommands(program);
registerTableExportCommands(program);
registerViewsCommands(program);
registerVocCommands(program);
registerServeCommand(program);

await program.parseAsync(process.argv);
