// A jest reporter (next to the default one, jest.config.js) that prints where the time of a run
// went: the wall time, the number of files and workers, and the slowest files. CI prints it at the
// end of `npm test`, so a file that became slow shows up in the log without anyone asking.
// TM_DUUR_TOP=n changes how many files it lists (default 15).
class DuurReporter {
  constructor(globalConfig, opties = {}) {
    this.globalConfig = globalConfig;
    this.top = Number(process.env.TM_DUUR_TOP ?? opties.top ?? 15);
  }

  onRunStart() {
    this.start = Date.now();
  }

  onRunComplete(_contexts, resultaten) {
    const wand = (Date.now() - (this.start ?? resultaten.startTime)) / 1000;
    const bestanden = resultaten.testResults.map((r) => ({
      pad: r.testFilePath.replace(`${this.globalConfig.rootDir}/`, ''),
      duur: (r.perfStats.end - r.perfStats.start) / 1000,
      tests: r.numPassingTests + r.numFailingTests + r.numPendingTests,
      mislukt: r.numFailingTests > 0 || Boolean(r.testExecError),
    }));
    const som = bestanden.reduce((s, b) => s + b.duur, 0);
    const regels = [
      '',
      `[duur] wall ${wand.toFixed(1)} s for ${bestanden.length} files, ${resultaten.numTotalTests} tests ` +
        `(sum of file times ${som.toFixed(1)} s, maxWorkers ${this.globalConfig.maxWorkers})`,
    ];
    const traag = [...bestanden].sort((a, b) => b.duur - a.duur).slice(0, this.top);
    if (traag.length > 1) {
      regels.push(`[duur] slowest ${traag.length} files:`);
      for (const b of traag)
        regels.push(
          `[duur] ${b.duur.toFixed(1).padStart(7)} s  ${String(b.tests).padStart(3)} tests  ${b.pad}${b.mislukt ? '  (FAILED)' : ''}`,
        );
    }
    process.stdout.write(`${regels.join('\n')}\n`);
  }
}

module.exports = DuurReporter;
