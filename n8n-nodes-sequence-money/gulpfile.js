// What `n8n-node build` leaves to us: it compiles the TypeScript and copies the icons, but not
// the codex files (*.node.json, which place the nodes in n8n's panel), and the README and
// LICENSE the registry shows live at the repository's root, one folder up.
const { readFileSync, writeFileSync } = require('fs');
const path = require('path');
const { parallel, src, dest } = require('gulp');

const repositoryRoot = path.join(__dirname, '..');

function copyCodexFiles() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));
}

/**
 * "owner/name" from package.json's repository URL when it is a GitHub repository, else
 * undefined (the release check refuses to publish until the publisher has set one).
 */
function githubRepository() {
	const { repository } = require('./package.json');
	const url = typeof repository === 'string' ? repository : (repository && repository.url) || '';
	const match = /github\.com[/:]([^/]+)\/([^/#?]+?)(?:\.git)?\/?$/.exec(url);
	return match ? `${match[1]}/${match[2]}` : undefined;
}

/**
 * The registry page shows the README from the tarball, where links relative to the
 * repository (screenshots, docs) lead nowhere: make them absolute GitHub links, at the tag of
 * the version being built (the release tags it "<version>"), so that the page of a version
 * keeps showing that version's pictures.
 */
function readmeForRegistry(markdown, github, ref) {
	if (!github) return markdown;
	return markdown.replace(
		/(\]\(|src=")(?!https?:|#|mailto:)([^)"\s]+)/g,
		(_match, opening, target) => {
			const file = target.replace(/^\.\//, '');
			const isImage = /\.(png|svg|jpe?g|gif)$/i.test(file.split('#')[0]);
			const base = isImage
				? `https://raw.githubusercontent.com/${github}/${ref}/`
				: `https://github.com/${github}/blob/${ref}/`;
			return `${opening}${base}${file}`;
		},
	);
}

async function copyReadmeAndLicense() {
	const readme = readFileSync(path.join(repositoryRoot, 'README.md'), 'utf8');
	writeFileSync(
		path.join(__dirname, 'README.md'),
		readmeForRegistry(readme, githubRepository(), require('./package.json').version),
	);
	writeFileSync(
		path.join(__dirname, 'LICENSE'),
		readFileSync(path.join(repositoryRoot, 'LICENSE')),
	);
}

exports.build = parallel(copyCodexFiles, copyReadmeAndLicense);
exports.readmeForRegistry = readmeForRegistry;
