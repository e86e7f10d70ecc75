// One formatting for the whole repository: the package's (n8n's scaffold default).
module.exports = require('./n8n-nodes-sequence-money/.prettierrc.js');
