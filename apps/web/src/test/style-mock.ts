// Stylesheets imported by components are irrelevant to jsdom tests.
export default {};
