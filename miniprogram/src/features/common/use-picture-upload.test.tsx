/**
 * The picker is the real h5 platform adapter (a hidden file input). jsdom cannot decode pictures, so a
 * completed pick and upload is covered end to end in Chromium (points, meetings and evaluation specs).
 */
import { act, renderHook } from '@testing-library/react'
import { usePictureUpload } from './use-picture-upload'

describe('usePictureUpload', () => {
  it('a cancelled pick resolves null and uploads nothing', async () => {
    const click = jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      this.dispatchEvent(new Event('cancel'))
    })
    const upload = jest.fn(async () => ({ fileId: 'cloud://env/meetings/b/m/x.png', url: null as string | null }))
    const { result } = renderHook(() => usePictureUpload(upload))
    await act(async () => {
      expect(await result.current.add()).toBeNull()
    })
    expect(upload).not.toHaveBeenCalled()
    expect(result.current.pending).toBe(false)
    expect(document.querySelector('[data-testid=platform-file-input]')).toBeNull()
    click.mockRestore()
  })
})
