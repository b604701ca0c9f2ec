import { Command, CommanderError, Option } from 'commander';
import { EXIT, ScoreOptions, score } from './score';
import { UsageError } from './usageError';

/** Where the CLI writes; process streams by default. @public */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

const HELP_AFTER = `
Exit codes: 0 ok, 1 bad usage or unreadable input, 2 cluster unreachable, 3 grade below --fail-below.

Examples:
  network-scorecard score --snapshot examples/clusters/prod-eu-1.json --entity examples/entities/clusters.yaml
  network-scorecard score --kubeconfig ~/.kube/config --context prod --requirements mtls-all-east-west --format table
  network-scorecard score --snapshot dump.yaml --lifecycle production --fail-below B`;

/**
 * The `network-scorecard` command line: `score` prints the report of one
 * cluster (DESIGN §7) from a dump or a live cluster. Returns the exit code.
 * @public
 */
export async function runCli(
  argv: string[],
  io: CliIo = process,
): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('network-scorecard')
    .description(
      "Scores a Kubernetes cluster's networking stack (CNI, kube-proxy, mesh, observability, policy)",
    )
    .exitOverride()
    .configureOutput({
      writeOut: s => io.stdout.write(s),
      writeErr: s => io.stderr.write(s),
    });
  program
    .command('score')
    .description('print the scorecard report of one cluster')
    .option(
      '--snapshot <file>',
      'cluster dump: kubectl get <kinds> -A -o json|yaml (a List)',
    )
    .option(
      '--kubeconfig <file>',
      'read the live cluster of this kubeconfig (read-only)',
    )
    .option('--context <name>', 'kubeconfig context (default: the current one)')
    .option(
      '--cluster <name>',
      'cluster name in the report (default: entity name, dump file name or kubeconfig cluster)',
    )
    .option(
      '--entity <file>',
      "the cluster's catalog-info.yaml: requirements, lifecycle, platform refresh, links",
    )
    .option(
      '--requirements <ids>',
      'comma-separated requirement ids (replace those of --entity)',
    )
    .option(
      '--lifecycle <lifecycle>',
      'catalog lifecycle, e.g. production (replaces that of --entity)',
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['json', 'table'])
        .default('json'),
    )
    .addOption(
      new Option(
        '--fail-below <grade>',
        'exit 3 when the grade is below this one',
      ).choices(['A', 'B', 'C', 'D', 'F']),
    )
    .option('--timeout <ms>', 'per-request timeout for live clusters', '10000')
    .addHelpText('after', HELP_AFTER)
    .action(async (options: ScoreOptions) => {
      const result = await score(options);
      io.stdout.write(result.output);
      code = result.code;
    });
  try {
    await program.parseAsync(argv, { from: 'user' });
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.usage;
    }
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`network-scorecard: ${error.message}\n`);
      return EXIT.usage;
    }
    io.stderr.write(
      `network-scorecard: ${(error as Error).stack ?? String(error)}\n`,
    );
    return EXIT.usage;
  }
}
