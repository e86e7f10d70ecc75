// Everything the tests' workflows produce — outputs, replies, errors and log lines —
// is recorded here so that a test can prove no secret (nor a piece of one) leaked.
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';

const recorded: Array<{ label: string; text: string }> = [];

/** Serializes errors with all the fields n8n shows or stores (message, description, context, cause). */
export function serializeForScan(value: unknown): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(value, (_key, field: unknown) => {
		if (field instanceof Error) {
			const { message, stack, name } = field;
			return {
				name,
				message,
				stack,
				...(field as unknown as Record<string, unknown>),
				cause: (field as Error & { cause?: unknown }).cause,
			};
		}
		if (typeof field === 'bigint') return field.toString();
		if (field && typeof field === 'object') {
			if (seen.has(field)) return '[circular]';
			seen.add(field);
		}
		return field;
	});
}

export function recordForSecretScan(label: string, value: unknown): void {
	recorded.push({ label, text: typeof value === 'string' ? value : serializeForScan(value) });
}

export function recordedCount(): number {
	return recorded.length;
}

/** Every 8-character piece of each secret, so that a truncated or split secret is caught too. */
function secretPieces(secrets: string[], pieceLength = 8): string[] {
	const pieces = new Set<string>();
	for (const secret of secrets) {
		if (secret.length <= pieceLength) pieces.add(secret);
		for (let start = 0; start + pieceLength <= secret.length; start++)
			pieces.add(secret.slice(start, start + pieceLength));
	}
	return [...pieces];
}

export function findSecretLeaks(secrets: string[], texts = recorded): string[] {
	const pieces = secretPieces(secrets);
	const leaks: string[] = [];
	for (const { label, text } of texts) {
		const piece = pieces.find((candidate) => text.includes(candidate));
		if (piece) leaks.push(`${label} contains "${piece}"`);
	}
	return leaks;
}

/** Replaces n8n's logger (which nodes reach as this.logger) with one that records every line. */
export function captureN8nLogs(): void {
	const record = (level: string) => (message: string, metadata?: unknown) =>
		recordForSecretScan(`log.${level}`, { message, metadata });
	const logger = {
		error: record('error'),
		warn: record('warn'),
		info: record('info'),
		debug: record('debug'),
		scoped: () => logger,
	};
	Container.set(Logger, logger as unknown as Logger);
}
