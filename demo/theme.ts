// The demo's theme switch (both pages): brand colours through the public --lc-* properties.
const theme = document.querySelector<HTMLSelectElement>('#theme')!;
theme.value = localStorage.getItem('demo-theme') ?? '';
document.documentElement.dataset.theme = theme.value;
theme.addEventListener('change', () => {
  document.documentElement.dataset.theme = theme.value;
  localStorage.setItem('demo-theme', theme.value);
});
