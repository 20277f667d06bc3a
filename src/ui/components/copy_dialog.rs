//! The choice an opened copy asks for when this browser already holds some of its plans:
//! 合并 (the default), 使用副本中的数据, or 保留本机数据. Nothing is overwritten silently.

use crate::model::Relation;
use crate::ui::copy_offer::{CopyChoice, CopyOffer};
use crate::ui::modal::Modal;
use crate::ui::state::use_app;
use leptos::prelude::*;

fn relation_words(r: Relation) -> &'static str {
    match r {
        Relation::Same => "进展两边相同",
        Relation::Newer => "副本中的数据较新（包含本机的全部修改，还有更多）",
        Relation::Older => "副本中的数据较旧（本机已有其中全部修改，还有更多）",
        Relation::Diverged => "两边各有对方没有的修改",
    }
}

/// The dialog.
#[component]
pub fn CopyDialog(offer: CopyOffer) -> impl IntoView {
    let app = use_app();
    let offer = StoredValue::new(offer);
    let choose = move |c: CopyChoice| move |_| offer.with_value(|o| app.resolve_copy(o, c));
    let rows = offer.with_value(|o| {
        o.plans
            .iter()
            .map(|p| {
                view! {
                    <li class="copy-plan" data-plan=p.doc.plan.id.0.clone() data-relation=format!("{:?}", p.relation).to_lowercase()>
                        <strong>{p.doc.plan.title.clone()}</strong>"："{relation_words(p.relation)}
                        {(!p.plan_change.is_empty()).then(|| format!("；计划结构也不同（{}），合并后可以选择采用副本中的计划", p.plan_change))}
                    </li>
                }
            })
            .collect::<Vec<_>>()
    });
    view! {
        <Modal id="copy-dialog" title=Signal::derive(|| "这个副本带有数据".to_string())>
            <p>"本浏览器中已经有以下计划的数据，与副本中保存的不完全一样。请选择如何处理（任何一边都不会被悄悄覆盖）："</p>
            <ul class="copy-plans">{rows}</ul>
            <footer class="modal-foot">
                <button type="button" id="copy-merge" class="primary" autofocus on:click=choose(CopyChoice::Merge)>"合并（推荐）"</button>
                <button type="button" id="copy-use" on:click=choose(CopyChoice::UseCopy)>"使用副本中的数据"</button>
                <button type="button" id="copy-keep" on:click=choose(CopyChoice::KeepLocal)>"保留本机数据"</button>
            </footer>
            <p class="dialog-hint">"合并：逐项比较修改时间，较新的胜出，进展记录全部保留。使用副本中的数据：本机原有数据会另存为备份。"</p>
        </Modal>
    }
}
