// The demo's checkout page: the whole checkout, and the tags for the header cart count.
import '../src/index.js';
import '../src/tags.js';
import './theme.js';
