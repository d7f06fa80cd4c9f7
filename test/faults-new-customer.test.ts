// Faults at every endpoint of one flow: see test/helpers/faults.ts.
import { FAULT_FLOWS, faultSuite } from './helpers/faults.js';

faultSuite(FAULT_FLOWS.newTenant);
