// A React app using the wrappers from `license-checkout/react`: typed props, and `onLc…`
// callbacks typed with each event's class.
import { StrictMode, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { LcCheckout } from 'license-checkout/react';

function Shop() {
  const checkout = useRef<React.ComponentRef<typeof LcCheckout>>(null);
  const [step, setStep] = useState('cart');
  const [lines, setLines] = useState(0);
  const [orderId, setOrderId] = useState<string>();

  return (
    <main style={{ maxWidth: 960, margin: '0 auto', fontFamily: 'system-ui, sans-serif' }}>
      <h1>Fabrikam Licences (React)</h1>
      <p>
        <button type="button" onClick={() => void checkout.current?.addProduct('cfq7ttc0lckm-0001', { quantity: 3 })}>
          Add Microsoft 365 Business Premium
        </button>
      </p>
      <p role="status" id="status">
        Step: {step} · lines in cart: {lines}
        {orderId ? ` · order ${orderId}` : ''}
      </p>
      <LcCheckout
        ref={checkout}
        apiBase="/api"
        lang="en"
        onLcStepChange={(event) => setStep(event.step)}
        onLcCartChange={(event) => setLines(event.lines.length)}
        onLcOrderPlaced={(event) => setOrderId(event.orderId)}
        onLcError={(event) => console.warn(event.context, event.error)}
      />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Shop />
  </StrictMode>,
);
