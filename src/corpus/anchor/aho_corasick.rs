//! A multi-pattern byte searcher for [`super::find_all_many`]: every place of every quote in
//! one pass over an article.

/// A multi-pattern byte searcher (Aho–Corasick automaton with dictionary links).
pub(super) struct AhoCorasick {
    /// Per node: its children, sorted by byte (the root's are also in `root`).
    children: Vec<Vec<(u8, u32)>>,
    /// The root's children, indexed by byte (0 = none; the root itself is never a child).
    root: [u32; 256],
    /// Failure link: the longest proper suffix of this node's string that is a node.
    fail: Vec<u32>,
    /// The pattern that ends at this node, if any.
    pattern: Vec<Option<u32>>,
    /// The nearest node along the failure links (itself excluded) where a pattern ends.
    dict: Vec<Option<u32>>,
}

impl AhoCorasick {
    pub(super) fn new(patterns: &[String]) -> Self {
        debug_assert!(patterns.len() < u32::MAX as usize);
        let mut children: Vec<Vec<(u8, u32)>> = vec![Vec::new()];
        let mut pattern: Vec<Option<u32>> = vec![None];
        for (id, p) in patterns.iter().enumerate() {
            if p.is_empty() {
                continue;
            }
            let mut node = 0usize;
            for &b in p.as_bytes() {
                node = match children[node].binary_search_by_key(&b, |&(c, _)| c) {
                    Ok(i) => children[node][i].1 as usize,
                    Err(i) => {
                        let new = children.len();
                        children[node].insert(i, (b, new as u32));
                        children.push(Vec::new());
                        pattern.push(None);
                        new
                    }
                };
            }
            pattern[node].get_or_insert(id as u32);
        }
        let n = children.len();
        let mut root = [0u32; 256];
        for &(b, c) in &children[0] {
            root[usize::from(b)] = c;
        }
        let mut fail = vec![0u32; n];
        let mut dict: Vec<Option<u32>> = vec![None; n];
        // Breadth first, so a node's failure link is known before its children's.
        let mut queue: std::collections::VecDeque<u32> = children[0].iter().map(|&(_, c)| c).collect();
        let mut ac = Self {
            children,
            root,
            fail: Vec::new(),
            pattern,
            dict: Vec::new(),
        };
        while let Some(node) = queue.pop_front() {
            let node = node as usize;
            for i in 0..ac.children[node].len() {
                let (b, child) = ac.children[node][i];
                let mut f = fail[node] as usize;
                let target = loop {
                    if let Some(t) = ac.step(f, b) {
                        break t;
                    }
                    if f == 0 {
                        break 0;
                    }
                    f = fail[f] as usize;
                };
                let target = if target == child as usize { 0 } else { target };
                fail[child as usize] = target as u32;
                dict[child as usize] = if ac.pattern[target].is_some() {
                    Some(target as u32)
                } else {
                    dict[target]
                };
                queue.push_back(child);
            }
        }
        ac.fail = fail;
        ac.dict = dict;
        ac
    }

    /// The child of `node` by byte `b`, if any.
    fn step(&self, node: usize, b: u8) -> Option<usize> {
        if node == 0 {
            let c = self.root[usize::from(b)];
            return (c != 0).then_some(c as usize);
        }
        let ch = &self.children[node];
        ch.binary_search_by_key(&b, |&(c, _)| c).ok().map(|i| ch[i].1 as usize)
    }

    /// Calls `found(pattern, end)` for every occurrence of every pattern in `text` (overlapping
    /// ones too), in order of `end` (one past the last byte). Patterns should be distinct (of
    /// equal ones, only the first is reported) and not empty (empty ones are never reported).
    pub(super) fn for_each_match(&self, text: &[u8], mut found: impl FnMut(usize, usize)) {
        let mut node = 0usize;
        for (i, &b) in text.iter().enumerate() {
            node = loop {
                if let Some(t) = self.step(node, b) {
                    break t;
                }
                if node == 0 {
                    break 0;
                }
                node = self.fail[node] as usize;
            };
            let mut out = if self.pattern[node].is_some() {
                Some(node as u32)
            } else {
                self.dict[node]
            };
            while let Some(o) = out {
                let o = o as usize;
                if let Some(id) = self.pattern[o] {
                    found(id as usize, i + 1);
                }
                out = self.dict[o];
            }
        }
    }
}
