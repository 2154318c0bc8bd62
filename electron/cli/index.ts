import { createProgram } from './program';
import { registerEngagementCommands } from './commands/engagement';
import { registerServeCommand } from './commands/serve';

// Each domain registers its own commands; this file only assembles them.
const program = createProgram();
registerEngagementCommands(program);
registerServeCommand(program);

await program.parseAsync(process.argv);
