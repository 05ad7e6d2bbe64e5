// What the keyboard rules change and put back: the focused element and the scroll position.
const active = document.activeElement;
return {
  active: active && active !== document.body ? active : null,
  x: window.scrollX,
  y: window.scrollY,
};
