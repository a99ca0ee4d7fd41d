//! A one-line text input that edits like a shell's: a cursor, words, and a
//! cap on its length so a paste cannot grow it without bound.

use unicode_width::UnicodeWidthStr;

/// The most characters an input holds.
pub const MAX_INPUT_CHARS: usize = 256;

/// Text and a cursor (a byte offset on a character boundary).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Input {
    text: String,
    cursor: usize,
    /// Whether the whole text is selected, so the next character replaces it.
    pub selected: bool,
}

impl Input {
    /// An input holding `text`, the cursor at its end.
    pub fn new(text: &str) -> Input {
        let mut input = Input::default();
        input.insert_str(text);
        input
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor's byte offset.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The display width of the text before the cursor.
    pub fn cursor_width(&self) -> usize {
        self.text[..self.cursor].width()
    }

    /// Inserts a character at the cursor (replacing a selected text); false
    /// when the input is full.
    pub fn insert(&mut self, c: char) -> bool {
        if self.selected {
            self.clear();
        }
        if c.is_control() || self.text.chars().count() >= MAX_INPUT_CHARS {
            return false;
        }
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
        true
    }

    /// Inserts text at the cursor, dropping control characters and what
    /// does not fit; returns how many characters were dropped for lack of room.
    pub fn insert_str(&mut self, s: &str) -> usize {
        let mut dropped = 0;
        let s = s.replace("\r\n", "\n");
        let spaced = s.chars().map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c => c,
        });
        for c in spaced {
            if c.is_control() {
                continue;
            }
            if !self.insert(c) {
                dropped += 1;
            }
        }
        dropped
    }

    /// Deletes the character before the cursor.
    pub fn delete_back(&mut self) {
        self.selected = false;
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
            self.text.remove(self.cursor);
        }
    }

    /// Deletes the word before the cursor (Ctrl-w).
    pub fn delete_word(&mut self) {
        self.selected = false;
        let start = self.word_left();
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    /// Deletes from the cursor to the end (Ctrl-k).
    pub fn kill_to_end(&mut self) {
        self.selected = false;
        self.text.truncate(self.cursor);
    }

    /// Empties the input.
    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
        self.selected = false;
    }

    /// Moves the cursor one character left.
    pub fn left(&mut self) {
        self.selected = false;
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
        }
    }

    /// Moves the cursor one character right.
    pub fn right(&mut self) {
        self.selected = false;
        if let Some(c) = self.text[self.cursor..].chars().next() {
            self.cursor += c.len_utf8();
        }
    }

    /// Moves the cursor to the start.
    pub fn home(&mut self) {
        self.selected = false;
        self.cursor = 0;
    }

    /// Moves the cursor to the end.
    pub fn end(&mut self) {
        self.selected = false;
        self.cursor = self.text.len();
    }

    /// Moves the cursor to the start of the word before it (Alt-b).
    pub fn word_back(&mut self) {
        self.selected = false;
        self.cursor = self.word_left();
    }

    /// Moves the cursor past the end of the word after it (Alt-f).
    pub fn word_forward(&mut self) {
        self.selected = false;
        let rest = &self.text[self.cursor..];
        let skip_space = rest.len() - rest.trim_start().len();
        let word = rest[skip_space..]
            .find(char::is_whitespace)
            .unwrap_or(rest.len() - skip_space);
        self.cursor += skip_space + word;
    }

    fn word_left(&self) -> usize {
        let before = self.text[..self.cursor].trim_end();
        before.rfind(char::is_whitespace).map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        })
    }
}
