//! Carrying the data in the page: "保存带数据的副本" writes the running page's own source
//! with every plan and its progress inside (opening such a copy: `copy_offer`).

use super::download::download;
use super::state::{AppState, NoticeKind, now_ms};
use crate::model::Progress;
use crate::snapshot::{Bundle, EMBED_ID, Entry, embed_element, encode_bundle, with_embedded};
use crate::storage::{self, Loaded};
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::JsCast;

thread_local! {
    /// The page's document as it was loaded, before the app changed it: a detached deep clone
    /// (cheap: its text is shared with the page's), serialized only when a copy is saved.
    static SOURCE: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

/// Keeps the page's document; call before mounting.
pub fn capture_page_source() {
    let copy = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.clone_node_with_deep(true).ok())
        .and_then(|n| n.dyn_into::<web_sys::Element>().ok());
    SOURCE.with(|s| *s.borrow_mut() = copy);
}

/// The source kept by [`capture_page_source`], as text; empty when none was kept.
fn page_source() -> String {
    SOURCE.with(|s| {
        s.borrow()
            .as_ref()
            .map(|root| format!("<!DOCTYPE html>\n{}", root.outer_html()))
            .unwrap_or_default()
    })
}

/// The text of the data block this page carries, if any.
pub(super) fn carried_text() -> Option<String> {
    web_sys::window()?
        .document()?
        .get_element_by_id(EMBED_ID)?
        .text_content()
}

/// A short fingerprint of a data block (FNV-1a), to remember which copies were handled.
pub(super) fn fingerprint(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// A file name without characters that file systems refuse.
fn safe_name(s: &str) -> String {
    s.chars()
        .map(|c| {
            if "\\/:*?\"<>|".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect()
}

impl AppState {
    /// Every plan of the library with its progress (the shown one as it is on screen).
    pub fn bundle(&self) -> Bundle {
        let now = now_ms();
        let active = self.plan.with_untracked(|p| p.id.clone());
        let mut plans = vec![Entry {
            plan: self.plan.get_untracked(),
            progress: self.progress.get_untracked(),
        }];
        for meta in self.library.get_untracked() {
            if meta.id == active {
                continue;
            }
            if let Ok(Loaded::Found(plan)) = storage::load_plan(&meta.id, now) {
                let progress = match storage::load_progress(&meta.id, now) {
                    Ok(Loaded::Found(p)) => p,
                    _ => Progress::default(),
                };
                plans.push(Entry { plan, progress });
            }
        }
        Bundle {
            saved_at: now,
            active: Some(active),
            plans,
        }
    }

    /// Downloads a copy of this page that carries every plan and its progress.
    pub fn save_copy(&self) {
        let source = page_source();
        if source.is_empty() {
            self.notify(
                NoticeKind::Warning,
                "无法读取页面本身，未能保存副本。".into(),
            );
            return;
        }
        let bundle = self.bundle();
        let page = with_embedded(&source, &embed_element(&encode_bundle(&bundle, false)));
        let plan = self.plan.with_untracked(|p| p.title.clone());
        let unit = self
            .my_unit_untracked()
            .map_or_else(|| "全部".to_string(), |u| u.to_string());
        let name = safe_name(&format!(
            "工作要点-{plan}-{unit}-{}.html",
            self.today.get_untracked()
        ));
        if download(&name, &page, "text/html") {
            self.settings.update(|s| {
                s.last_export_at = Some(now_ms());
                remember(
                    &mut s.handled_copies,
                    fingerprint(&encode_bundle(&bundle, false)),
                );
            });
            self.notify(
                NoticeKind::Info,
                format!(
                    "已保存带数据的副本“{name}”。在其他电脑上双击它，即可看到这里的全部计划和进展。"
                ),
            );
        } else {
            self.notify(
                NoticeKind::Warning,
                "浏览器阻止了文件下载，请检查下载设置后重试。".into(),
            );
        }
    }
}

/// Adds a copy's fingerprint to the remembered ones (the last 20).
pub(super) fn remember(list: &mut Vec<String>, print: String) {
    list.retain(|p| *p != print);
    list.push(print);
    while list.len() > 20 {
        list.remove(0);
    }
}
