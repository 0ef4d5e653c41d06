// Jest stand-in for stylesheet imports (.css / .scss): styles do not matter in jsdom.
export default {}
