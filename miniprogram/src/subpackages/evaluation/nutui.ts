// NutUI styles the 民主评议 pages use (dialogs, inputs, pickers, switches, text areas), per component so
// they ship in this subpackage only (docs/PITFALLS.md "UI kit").
import '@/styles/nutui-forms'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/style.css'
