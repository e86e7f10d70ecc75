// The release check: nothing is published while package.json lacks what only the publisher knows.
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const packageDir = join(__dirname, '..', '..', 'n8n-nodes-sequence-money');
const script = join(packageDir, 'scripts', 'check-publishable.mjs');
const committed = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as Record<
	string,
	unknown
>;

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'check-publishable-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function check(changes: Record<string, unknown>): { status: number | null; output: string } {
	const file = join(dir, 'package.json');
	writeFileSync(file, JSON.stringify({ ...committed, ...changes }));
	const result = spawnSync(process.execPath, [script, file], { encoding: 'utf8' });
	return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const filledIn = {
	repository: {
		type: 'git',
		url: 'git+https://github.com/someone/n8n-nodes-sequence-money.git',
		directory: 'n8n-nodes-sequence-money',
	},
	homepage: 'https://github.com/someone/n8n-nodes-sequence-money#readme',
	author: { name: 'Someone', email: 'someone@example.com' },
};

describe('check-publishable', () => {
	it('refuses the placeholders the repository carries, naming each field', () => {
		const { status, output } = check({
			repository: { type: 'git', url: '', directory: 'n8n-nodes-sequence-money' },
			author: { name: "unset: the publisher's name", email: 'unset@publisher.invalid' },
		});
		expect(status).toBe(1);
		expect(output).toContain('Not publishing n8n-nodes-sequence-money@');
		expect(output).toContain('repository.url');
		expect(output).toContain('author.name');
		expect(output).toContain('author.email');
	});

	it('passes once repository, homepage and author are set', () => {
		const { status, output } = check(filledIn);
		expect(status).toBe(0);
		expect(output).toContain('repository, homepage and author are set');
	});

	it.each([
		[
			'a repository that is not on GitHub',
			{ repository: { type: 'git', url: 'https://gitlab.com/a/b.git' } },
			'repository.url',
		],
		[
			'an address under .invalid',
			{ author: { name: 'Someone', email: 'someone@x.invalid' } },
			'author.email',
		],
		['an "unset" name', { author: { name: 'unset', email: 'someone@example.com' } }, 'author.name'],
		['a homepage that is not https', { homepage: 'http://example.com' }, 'homepage'],
	])('refuses %s', (_label, change, field) => {
		const { status, output } = check({ ...filledIn, ...change });
		expect(status).toBe(1);
		expect(output).toContain(field);
	});
});
