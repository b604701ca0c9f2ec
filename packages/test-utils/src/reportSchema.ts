import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * Validates values against the project's own report contract, read from the
 * published `@network-scorecard/common/report.schema.json`. Returns the
 * problems (empty when valid) so a failing test prints them.
 */
export function reportSchemaValidator(): (value: unknown) => string[] {
  const schema = JSON.parse(
    readFileSync(
      require.resolve('@network-scorecard/common/report.schema.json'),
      'utf8',
    ),
  );
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return value =>
    validate(JSON.parse(JSON.stringify(value)))
      ? []
      : (validate.errors ?? []).map(
          e =>
            `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`,
        );
}
