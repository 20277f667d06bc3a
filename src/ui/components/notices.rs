//! Messages at the top of the page: storage problems, import results, warnings.

use crate::ui::download::export_now;
use crate::ui::state::{NoticeKind, use_app};
use crate::ui::words;
use leptos::prelude::*;

/// The notice area (an ARIA live region): the notices from the `from`-th on (a dialog shows
/// only those raised while it is open).
#[component]
pub fn Notices(#[prop(optional)] from: usize) -> impl IntoView {
    let app = use_app();
    let save_error = move || app.save_error.get();
    let items = move || {
        app.notices
            .get()
            .into_iter()
            .enumerate()
            .skip(from)
            .collect::<Vec<_>>()
    };
    view! {
        <div class="notices" role="status" aria-live="polite">
            {move || save_error().map(|e| view! {
                <div class="notice notice-error save-error" role="alert">
                    <span>{words::storage_error(&e)}</span>
                    <button type="button" class="notice-action" on:click=move |_| export_now(app)>"立即导出"</button>
                </div>
            })}
            <For each=items key=|(i, n)| (*i, n.text.clone()) let:item>
                <div class=match item.1.kind { NoticeKind::Info => "notice notice-info", NoticeKind::Warning => "notice notice-warning" }>
                    <span>{item.1.text.clone()}</span>
                    {item.1.action.clone().map(|action| {
                        let label = action.label();
                        let i = item.0;
                        view! {
                            <button type="button" class="notice-action" on:click=move |_| {
                                app.notices.update(|n| { if i < n.len() { n.remove(i); } });
                                app.run_action(action.clone());
                            }>{label}</button>
                        }
                    })}
                    <button type="button" class="notice-close" aria-label="关闭提示"
                        on:click=move |_| app.notices.update(|n| { if item.0 < n.len() { n.remove(item.0); } })>"×"</button>
                </div>
            </For>
        </div>
    }
}
