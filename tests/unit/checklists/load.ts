import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateTemplateText } from '../../../shared/checklists/template-schema';
import type { ChecklistTemplate, TemplateValidation } from '../../../shared/checklists/template-schema';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export function readFixture(name: string): string {
  return readFileSync(`${root}tests/fixtures/checklists/${name}`, 'utf8');
}

export function validateFixture(name: string): TemplateValidation {
  return validateTemplateText(name, readFixture(name));
}

export function validateBuiltin(name: string): TemplateValidation {
  return validateTemplateText(name, readFileSync(`${root}resources/checklists/${name}`, 'utf8'));
}

function mustLoad(result: TemplateValidation, name: string): ChecklistTemplate {
  if (!result.ok) throw new Error(`${name} did not validate: ${JSON.stringify(result.issues, null, 2)}`);
  return result.template;
}

export function loadFixture(name: string): ChecklistTemplate {
  return mustLoad(validateFixture(name), name);
}

export function loadBuiltin(name: string): ChecklistTemplate {
  return mustLoad(validateBuiltin(name), name);
}

export function fixtureDocument(name: string): Record<string, unknown> {
  return JSON.parse(readFixture(name)) as Record<string, unknown>;
}
