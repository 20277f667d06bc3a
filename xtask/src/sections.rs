//! Custom sections of a wasm module: dropping them by name, without parsing the rest.

use crate::Result;

/// Returns `wasm` without the custom sections whose name matches `drop`, and whether any was dropped.
///
/// Without `target_features` wasm-bindgen cannot switch to externref, so the
/// output can be lowered to MVP by wasm-opt.
pub fn drop_custom_section(wasm: &[u8], drop: impl Fn(&[u8]) -> bool) -> Result<(Vec<u8>, bool)> {
    const HEADER: &[u8] = b"\0asm\x01\0\0\0";
    if !wasm.starts_with(HEADER) {
        return Err("not a wasm module (bad header)".into());
    }
    let mut out = HEADER.to_vec();
    let mut dropped = false;
    let mut pos = HEADER.len();
    while pos < wasm.len() {
        let start = pos;
        let id = wasm[pos];
        pos += 1;
        let len = leb128(wasm, &mut pos)? as usize;
        let end = pos
            .checked_add(len)
            .filter(|&e| e <= wasm.len())
            .ok_or("wasm section runs past the end")?;
        let is_match = id == 0 && {
            let mut at = pos;
            let name_len = leb128(wasm, &mut at)? as usize;
            let name = at.checked_add(name_len).and_then(|e| wasm.get(at..e));
            drop(name.ok_or("custom section name runs past the end")?)
        };
        if is_match {
            dropped = true;
        } else {
            out.extend_from_slice(&wasm[start..end]);
        }
        pos = end;
    }
    Ok((out, dropped))
}

/// Reads an unsigned LEB128 u32 at `*pos` and advances past it.
fn leb128(bytes: &[u8], pos: &mut usize) -> Result<u32> {
    let mut value: u32 = 0;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(*pos).ok_or("truncated LEB128 in wasm")?;
        *pos += 1;
        value |= u32::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok(value);
        }
    }
    Err("LEB128 longer than 5 bytes in wasm".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_only_the_named_custom_section() {
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend([0, 4, 3, b'a', b'b', b'c']); // custom "abc"
        wasm.extend([1, 1, 0]); // empty type section
        wasm.extend([0, 3, 2, b'x', b'y']); // custom "xy"
        let (out, dropped) = drop_custom_section(&wasm, |n| n == b"abc").expect("parses");
        assert!(dropped);
        assert_eq!(&out[8..], &[1, 1, 0, 0, 3, 2, b'x', b'y']);
        let (all, _) = drop_custom_section(&wasm, |_| true).expect("parses");
        assert_eq!(&all[8..], &[1, 1, 0]);
        assert!(drop_custom_section(b"\0asm\x01\0\0\0\x01\x05", |_| true).is_err());
    }
}
