// `npm run dev`: the server from source with reload (tsx watch); `npm run dev:web` serves the UI with HMR.
import { runCli } from './cli.js';

await runCli([process.argv[0]!, 'commonlab', 'serve']);
