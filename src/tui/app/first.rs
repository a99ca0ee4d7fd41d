//! The explorer's first frame before its graph: the screen is drawn at
//! once on an empty graph, with a note of what is being read, while the
//! graph file loads off the UI thread as a reload does; q, ? and Ctrl-c
//! work meanwhile. The graph arrives ready to show (see `loading`).

use super::{App, FirstLoad, JumpList, Pane, Reload};
use crate::graph::{Graph, Source};
use crate::tui::input::Input;

impl App {
    /// The explorer on a graph file not read yet: drawn at once, the file
    /// read off the UI thread (the first effect asks for it), started on
    /// the node `start` names or, naming none, with it typed in the search
    /// box. `bytes` is the file's size, for the loading note.
    pub fn loading(source: Source, start: Option<String>, bytes: u64) -> App {
        let mut app = App::new(Graph::empty(source), None);
        // Keys go to the main screen until the graph is here, so q quits.
        app.main.typing = false;
        app.main.pane = Pane::Node;
        app.first = Some(FirstLoad { start, bytes });
        app.start_load();
        app
    }

    /// Whether the graph file is being read for the first time.
    pub fn first_loading(&self) -> bool {
        self.first.is_some()
    }

    /// Takes in the graph of the first load: the screen settles as it
    /// would have opened on it, keeping what was typed meanwhile.
    pub(super) fn first_graph(&mut self, reload: Reload) {
        let typed = self.first.take().and_then(|f| f.start);
        self.graph = reload.graph;
        self.index = reload.index;
        let focus = reload.start.or(reload.fallback);
        self.focus = focus;
        self.jumps = focus.map(JumpList::new).unwrap_or_default();
        let m = &mut self.main;
        if !m.typing && m.query.text().is_empty() {
            match (reload.start, typed) {
                (Some(_), _) => m.pane = Pane::Neighbours,
                (None, typed) => {
                    m.typing = true;
                    m.pane = Pane::Hits;
                    m.query = Input::new(typed.as_deref().unwrap_or(""));
                }
            }
        }
        self.take_hits(reload.searched);
        if let Some(at) = self.main.hits.iter().position(|h| Some(h.node) == focus) {
            self.main.hit_list.select(at);
        }
        self.rebuild_rows(0);
    }
}
