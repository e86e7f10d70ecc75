// Each test file loads its own copy of nock, and every copy patches Node's HTTP
// stack in the shared worker process. Unpatch after each file so that the next
// file's copy is the only one intercepting.
import nock from 'nock';

beforeAll(() => nock.disableNetConnect());
afterAll(() => {
	nock.cleanAll();
	nock.enableNetConnect();
	nock.restore();
});
