//! Reading a chosen file as text: UTF-8 (with or without BOM), else GB18030, the encoding
//! of Chinese text files saved by older Windows programs.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Reads `file` and calls `done` with its text, or with `None` when it cannot be read.
pub fn read_text(file: &web_sys::File, done: impl FnOnce(Option<String>) + 'static) {
    let Ok(reader) = web_sys::FileReader::new() else {
        done(None);
        return;
    };
    let reader2 = reader.clone();
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let done2 = done.clone();
    let onload = Closure::once_into_js(move || {
        let bytes = reader2
            .result()
            .ok()
            .map(|buf| js_sys::Uint8Array::new(&buf).to_vec());
        if let Some(f) = done2.borrow_mut().take() {
            f(bytes.and_then(|b| decode(&b)));
        }
    });
    reader.set_onload(Some(onload.unchecked_ref()));
    let done3 = done.clone();
    let onerror = Closure::once_into_js(move || {
        if let Some(f) = done3.borrow_mut().take() {
            f(None);
        }
    });
    reader.set_onerror(Some(onerror.unchecked_ref()));
    if reader.read_as_array_buffer(file).is_err()
        && let Some(f) = done.borrow_mut().take()
    {
        f(None);
    }
}

/// UTF-8 (with or without BOM), UTF-16 with its BOM (Notepad's "Unicode"), else GB18030.
fn decode(bytes: &[u8]) -> Option<String> {
    if let Some(text) = utf16(bytes) {
        return Some(text);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some(text.trim_start_matches('\u{feff}').to_string());
    }
    let decoder = web_sys::TextDecoder::new_with_label("gb18030").ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

/// Text saved as UTF-16 with a byte-order mark.
fn utf16(bytes: &[u8]) -> Option<String> {
    let (little, rest) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (true, rest),
        [0xFE, 0xFF, rest @ ..] => (false, rest),
        _ => return None,
    };
    let units: Vec<u16> = rest
        .chunks_exact(2)
        .map(|c| match little {
            true => u16::from_le_bytes([c[0], c[1]]),
            false => u16::from_be_bytes([c[0], c[1]]),
        })
        .collect();
    Some(String::from_utf16_lossy(&units))
}

#[cfg(test)]
mod tests {
    use super::utf16;

    #[test]
    fn utf16_with_its_mark_in_either_order() {
        let text = "2024年工作要点\n一、党建";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        assert_eq!(utf16(&le).as_deref(), Some(text));
        assert_eq!(utf16(&be).as_deref(), Some(text));
        assert_eq!(utf16(text.as_bytes()), None);
    }
}
