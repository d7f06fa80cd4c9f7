// The demo's product page: only the tags, as a reseller's product page would load them
// (`import 'license-checkout/tags'`, or <script type="module" src=".../license-checkout-tags.js">).
import '../src/tags.js';
import './theme.js';
