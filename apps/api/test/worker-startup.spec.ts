import { controleerHandlers } from '../src/jobs/worker.service';
import { JOB_CATALOGUS } from '../src/jobs/job-catalogus';
import { startTestApp, type TestApp } from './support/test-app';
import { WorkerService } from '../src/jobs/worker.service';

describe('worker start-up check: every job name has exactly one handler', () => {
  const alle = Object.values(JOB_CATALOGUS).flat() as string[];
  const fn = async () => undefined;

  it('passes when every catalogued job has one handler', () => {
    expect(controleerHandlers(new Map(alle.map((n) => [n, [fn]])))).toEqual([]);
  });

  it('names a job without handler, a duplicate handler and an unknown job', () => {
    const m = new Map(alle.map((n) => [n, [fn]]));
    m.delete(alle[0]);
    m.set('bestaat.niet', [fn]);
    const problemen = controleerHandlers(m);
    expect(problemen).toContain(`job "${alle[0]}" has no handler`);
    expect(problemen).toContain('handler for unknown job "bestaat.niet" (add it to JOB_CATALOGUS)');
    const dubbel = new Map(alle.map((n) => [n, [fn, fn]]));
    expect(controleerHandlers(dubbel)[0]).toMatch(/has 2 handlers/);
  });

  describe('in the real module graph', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('the handlers the worker discovers satisfy the catalogue', () => {
      const found = t.app.get(WorkerService).verzamelHandlers();
      expect(controleerHandlers(found)).toEqual([]);
    });
  });
});
