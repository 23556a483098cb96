// One installation in its own process: opens its data folder, runs the steps it is given, prints the results as JSON.
// The exchange tests run city, county and department this way: separate processes, separate data folders.
import fs from 'node:fs';
import { startChildApp } from './child-app';
import { samplePlan } from './sample-plan';

type Step = { channel: string; input: unknown; role?: string } | { sample: 'plan' };

const [dataDir, stepsFile] = process.argv.slice(2);
const steps = JSON.parse(fs.readFileSync(stepsFile!, 'utf8')) as Step[];
const app = await startChildApp(dataDir!, { anchorDir: `${dataDir}.anchors` });
const out: unknown[] = [];
try {
  for (const s of steps) {
    if ('sample' in s) {
      await samplePlan(app);
      out.push({ ok: true });
    } else {
      const role = (s.role ?? 'evaluator') as 'evaluator';
      out.push(
        await app.callAs(
          { userId: null, username: `child-${role}`, role },
          'cli',
          s.channel as 'exchange.overview',
          s.input,
        ),
      );
    }
  }
} finally {
  process.stdout.write(JSON.stringify(out));
  app.close();
}
