import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AlertmanagerConfig, alertmanagerConfigToYaml } from '../../../../constructs/alerting/alertmanager';
import { runTool } from '../../../support/tools';

/** A rendered configuration written as YAML to a fresh temporary directory; call `remove()` when done. */
export class AmtoolConfigFile {
  public static write(config: AlertmanagerConfig): AmtoolConfigFile {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'feedops-alertmanager-'));
    const file = path.join(directory, 'alertmanager.yml');
    fs.writeFileSync(file, alertmanagerConfigToYaml(config));
    return new AmtoolConfigFile(directory, file);
  }

  private constructor(
    private readonly directory: string,
    public readonly path: string,
  ) {}

  /** `env` adds variables to amtool's environment (ZONEINFO for a test's own time zones). */
  public checkConfig(env?: Readonly<Record<string, string>>) {
    return runTool('amtool', ['check-config', this.path], { env });
  }

  /** `amtool config routes test`: status 0 only when the alert with `labels` reaches exactly `expectedReceivers`. */
  public routesTest(expectedReceivers: readonly string[], labels: Record<string, string>, options: { tree?: boolean } = {}) {
    return runTool('amtool', [
      'config',
      'routes',
      'test',
      `--config.file=${this.path}`,
      `--verify.receivers=${expectedReceivers.join(',')}`,
      ...(options.tree ? ['--tree'] : []),
      ...Object.entries(labels).map(([name, value]) => `${name}=${value}`),
    ]);
  }

  public remove(): void {
    fs.rmSync(this.directory, { recursive: true, force: true });
  }
}
