//! Putting text on the clipboard: the asynchronous Clipboard API where the page may use it,
//! else a hidden text area and `execCommand('copy')` (older browsers, some file:// pages).

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Copies `text`; returns false when neither way was available.
pub fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = Reflect::get(&window, &"navigator".into()).unwrap_or(JsValue::UNDEFINED);
    let clipboard = Reflect::get(&navigator, &"clipboard".into()).ok();
    let write = clipboard
        .as_ref()
        .filter(|c| !c.is_undefined() && !c.is_null())
        .and_then(|c| Reflect::get(c, &"writeText".into()).ok())
        .and_then(|f| f.dyn_into::<Function>().ok());
    if let (Some(write), Some(clipboard)) = (write, clipboard)
        && write.call1(&clipboard, &JsValue::from_str(text)).is_ok()
    {
        return true;
    }
    copy_with_text_area(&window, text)
}

fn copy_with_text_area(window: &web_sys::Window, text: &str) -> bool {
    let Some(doc) = window.document() else {
        return false;
    };
    let Ok(area) = doc.create_element("textarea") else {
        return false;
    };
    let _ = area.set_attribute("style", "position:fixed;left:-9999px;top:0");
    Reflect::set(&area, &"value".into(), &text.into()).ok();
    let Some(body) = doc.body() else {
        return false;
    };
    if body.append_child(&area).is_err() {
        return false;
    }
    let select = Reflect::get(&area, &"select".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    if let Some(select) = select {
        let _ = select.call0(&area);
    }
    let copied = Reflect::get(&doc, &"execCommand".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call1(&doc, &"copy".into()).ok())
        .is_some_and(|v| v.is_truthy());
    area.remove();
    copied
}
