import { describeHostilePayloads } from '../testing/hostile-payload-suite.ts';

// Every other route (see describeHostilePayloads); hostile-payloads-a.test.ts takes the rest.
describeHostilePayloads(1);
