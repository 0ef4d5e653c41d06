// NutUI styles for form controls (inputs, pickers, dialogs, switches), dependencies first. Imported by
// components/Fields and the admin pages, so they ship in the admin subpackage, not the main package.
import '@nutui/nutui-react-taro/dist/es/packages/overlay/style/style.css'
import '@nutui/nutui-react-taro/dist/es/packages/popup/style/style.css'
import '@nutui/nutui-react-taro/dist/es/packages/safearea/style/style.css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/style.css'
import '@nutui/nutui-react-taro/dist/es/packages/searchbar/style/style.css'
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/style.css'
import '@nutui/nutui-react-taro/dist/es/packages/pickerview/style/style.css'
import '@nutui/nutui-react-taro/dist/es/packages/picker/style/style.css'
import '@nutui/nutui-react-taro/dist/es/packages/datepicker/style/style.css'
import '@nutui/nutui-react-taro/dist/es/packages/dialog/style/style.css'
