//! What the wasm's bytes are: function bodies grouped by crate (by module for the app's own
//! code), data segments, and the rest, read from the name-keeping build's function names.
//!
//! A function is counted under the crate its name starts with, or under the trait's crate for
//! `<T as trait>` names: generic code counts where it is defined, not where it is used, so the
//! app's views show up mostly as `tachys`, `reactive_graph` and `core` (closures' vtable shims).

use std::collections::HashMap;

use serde_json::{Value, json};
use wasmparser::{Name, NameSectionReader, Parser, Payload};

use crate::Result;

/// One group or one function: its bytes and how many items it has.
#[derive(Debug, PartialEq)]
pub struct Part {
    pub name: String,
    pub bytes: usize,
    pub items: usize,
}

/// The wasm's bytes by group, largest first, and its largest functions.
pub struct Parts {
    pub total: usize,
    pub groups: Vec<Part>,
    pub largest: Vec<Part>,
}

/// How many of the largest functions the record lists.
const LARGEST: usize = 12;

/// Reads `wasm` (with its `name` section) into [`Parts`].
pub fn parts(wasm: &[u8]) -> Result<Parts> {
    let mut imported = 0u32;
    let mut bodies: Vec<usize> = Vec::new();
    let mut names: HashMap<u32, String> = HashMap::new();
    let (mut data, mut data_items, mut other) = (0usize, 0usize, 0usize);
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.map_err(|e| format!("named wasm: {e}"))? {
            Payload::ImportSection(reader) => {
                other += span(reader.range());
                for import in reader.into_imports() {
                    let import = import.map_err(|e| format!("named wasm: {e}"))?;
                    imported += u32::from(matches!(import.ty, wasmparser::TypeRef::Func(_)));
                }
            }
            Payload::CodeSectionEntry(body) => bodies.push(span(body.range())),
            Payload::DataSection(reader) => {
                data += span(reader.range());
                data_items += reader.count() as usize;
            }
            Payload::CustomSection(c) if c.name() == "name" => {
                let reader = NameSectionReader::new(wasmparser::BinaryReader::new(c.data(), 0));
                for sub in reader {
                    if let Ok(Name::Function(map)) = sub {
                        for naming in map.into_iter().flatten() {
                            names.insert(naming.index, naming.name.to_owned());
                        }
                    }
                }
            }
            Payload::CustomSection(_) | Payload::CodeSectionStart { .. } => {}
            p => other += p.as_section().map_or(0, |(_, range)| span(range)),
        }
    }
    let mut groups: HashMap<String, Part> = HashMap::new();
    let mut functions = Vec::with_capacity(bodies.len());
    for (i, &bytes) in bodies.iter().enumerate() {
        let name = names
            .get(&(imported + i as u32))
            .map_or("(unnamed)", String::as_str);
        let g = groups.entry(group(name)).or_insert_with_key(|k| Part {
            name: k.clone(),
            bytes: 0,
            items: 0,
        });
        g.bytes += bytes;
        g.items += 1;
        functions.push(Part {
            name: without_hash(name).to_owned(),
            bytes,
            items: 1,
        });
    }
    let mut groups: Vec<Part> = groups.into_values().collect();
    groups.push(Part {
        name: "data segments (strings, tables)".into(),
        bytes: data,
        items: data_items,
    });
    groups.push(Part {
        name: "other sections (types, imports, exports, table)".into(),
        bytes: other,
        items: 0,
    });
    groups.sort_by(|a, b| b.bytes.cmp(&a.bytes).then_with(|| a.name.cmp(&b.name)));
    functions.sort_by(|a, b| b.bytes.cmp(&a.bytes).then_with(|| a.name.cmp(&b.name)));
    functions.truncate(LARGEST);
    Ok(Parts {
        total: groups.iter().map(|g| g.bytes).sum(),
        groups,
        largest: functions,
    })
}

/// The length of a byte range of the module.
fn span(range: std::ops::Range<u64>) -> usize {
    usize::try_from(range.end - range.start).unwrap_or(usize::MAX)
}

/// The group of a function name: its crate (`tachys`), the app's module (`workplan::ui`), or
/// `(runtime)` for names without a path (the allocator's and wasm-bindgen's exports).
fn group(name: &str) -> String {
    let name = name
        .trim_start_matches(['<', '&'])
        .trim_start_matches("mut ");
    let Some((head, rest)) = name.split_once("::") else {
        return "(runtime)".into();
    };
    // `<T as tachys::view::Render>::build`: the trait's crate.
    let head = head.rsplit_once(" as ").map_or(head, |(_, t)| t);
    let head = head.split('[').next().unwrap_or(head);
    if head == "workplan" {
        let module = rest.split("::").next().unwrap_or(rest);
        let module = module.split(['<', '{']).next().unwrap_or(module);
        return format!("workplan::{module}");
    }
    head.to_owned()
}

/// `name` without rustc's `::h0123456789abcdef` suffix.
fn without_hash(name: &str) -> &str {
    match name.rsplit_once("::h") {
        Some((head, hash)) if hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()) => {
            head
        }
        _ => name,
    }
}

impl Parts {
    /// The record's `wasm_parts`.
    pub fn to_json(&self) -> Value {
        let list = |parts: &[Part]| -> Vec<Value> {
            parts
                .iter()
                .map(|p| json!({"name": p.name, "bytes": p.bytes, "items": p.items}))
                .collect()
        };
        json!({"total": self.total, "groups": list(&self.groups), "largest": list(&self.largest)})
    }

    /// The groups of at least 1 % as a table, the rest summed, then the largest functions.
    pub fn table(&self) -> String {
        let pct = |b: usize| 100.0 * b as f64 / self.total.max(1) as f64;
        let mut out = format!("wasm by crate ({} bytes, names kept):\n", self.total);
        let (big, small): (Vec<&Part>, Vec<&Part>) =
            self.groups.iter().partition(|g| pct(g.bytes) >= 1.0);
        for g in &big {
            let items = if g.items > 0 {
                format!("{} items", g.items)
            } else {
                String::new()
            };
            out += &format!(
                "  {:>9} B {:>5.1} %  {:<48} {items}\n",
                g.bytes,
                pct(g.bytes),
                g.name
            );
        }
        let rest: usize = small.iter().map(|g| g.bytes).sum();
        out += &format!(
            "  {rest:>9} B {:>5.1} %  {} smaller groups\n",
            pct(rest),
            small.len()
        );
        out += "largest functions:\n";
        for f in &self.largest {
            let name: String = f.name.chars().take(100).collect();
            out += &format!("  {:>9} B  {name}\n", f.bytes);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::{Part, group, parts, without_hash};

    /// A module of two functions, `a::f` (2 body bytes) and `workplan::ui::x` (4), with names.
    fn module() -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        m.extend([1, 4, 1, 0x60, 0, 0]); // types: () -> ()
        m.extend([3, 3, 2, 0, 0]); // functions: two of type 0
        m.extend([10, 9, 2, 2, 0, 0x0b, 4, 0, 1, 1, 0x0b]); // code: `end`; `nop nop end`
        let mut names = vec![2, 0, 4];
        names.extend(b"a::f");
        names.extend([1, 15]);
        names.extend(b"workplan::ui::x");
        let mut custom = vec![4];
        custom.extend(b"name");
        custom.extend([1, names.len() as u8]);
        custom.extend(names);
        m.extend([0, custom.len() as u8]);
        m.extend(custom);
        m
    }

    #[test]
    fn bodies_count_under_their_group() {
        let p = parts(&module()).unwrap();
        let find = |n: &str| {
            p.groups
                .iter()
                .find(|g| g.name == n)
                .map(|g| (g.bytes, g.items))
        };
        assert_eq!(find("a"), Some((2, 1)));
        assert_eq!(find("workplan::ui"), Some((4, 1)));
        let first = &p.largest[0];
        assert_eq!(
            (first.name.as_str(), first.bytes),
            ("workplan::ui::x", 4),
            "largest first: {:?}",
            p.largest
        );
        assert_eq!(
            p.total,
            p.groups.iter().map(|g: &Part| g.bytes).sum::<usize>()
        );
    }

    #[test]
    fn names_group_by_crate_or_app_module() {
        let cases = [
            (
                "workplan::ui::app::__component_app::{{closure}}::h62b46459541889eb",
                "workplan::ui",
            ),
            ("workplan::main::hb5755110591c0290", "workplan::main"),
            (
                "<T as tachys::view::any_view::IntoAny>::into_any::build",
                "tachys",
            ),
            (
                "<&mut serde_json::de::Deserializer<R> as serde_core::de::Deserializer>::deserialize_map",
                "serde_json",
            ),
            (
                "<dlmalloc[e24a27700634d609]::dlmalloc::Dlmalloc<A>>::malloc",
                "dlmalloc",
            ),
            (
                "core::ops::function::FnOnce::call_once{{vtable.shim}}::h63cc02a402ebc8b3",
                "core",
            ),
            ("__wbindgen_malloc", "(runtime)"),
        ];
        for (name, expected) in cases {
            assert_eq!(group(name), expected, "{name}");
        }
    }

    #[test]
    fn hashes_are_cut_only_when_they_are_hashes() {
        assert_eq!(
            without_hash("workplan::main::hb5755110591c0290"),
            "workplan::main"
        );
        assert_eq!(without_hash("core::fmt::write"), "core::fmt::write");
        assert_eq!(without_hash("a::hello"), "a::hello");
    }
}
