// The app root: global styles and the NutUI theme; pages render as children.
import type { PropsWithChildren } from 'react'
import './styles/nutui'
import './app.scss'

function App({ children }: PropsWithChildren): React.ReactNode {
  return children
}

export default App
