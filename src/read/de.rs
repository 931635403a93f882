//! The lean reader as a serde `Deserializer`: what reads any type (a
//! user's own, `serde_json::Value`, a wire type met inside either) through
//! its serde visitor. Plain non-negative integers are read here; any other
//! number is passed to serde_json on its own text, so that the value is
//! exactly the one serde_json gives.

use serde::de::{self, DeserializeSeed, Visitor};

use super::Bail;
use super::scan::{Access, Reader, Res, Text};

impl<'a> Text<'a, '_> {
    fn visit<V: Visitor<'a>>(self, visitor: V) -> Res<V::Value> {
        match self {
            Text::Borrowed(s) => visitor.visit_borrowed_str(s),
            Text::Copied(s) => visitor.visit_str(s),
        }
    }
}

impl<'a> Reader<'a> {
    /// Reads a number: plain non-negative integers here, everything else
    /// by serde_json on the number's own text, so the value is exactly the
    /// one serde_json would give.
    fn number<V: Visitor<'a>>(&mut self, visitor: V) -> Res<V::Value> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let mut i = start;
        let mut n: u64 = 0;
        let mut plain = true;
        while let Some(&c) = bytes.get(i) {
            if !c.is_ascii_digit() {
                break;
            }
            match n.checked_mul(10).and_then(|n| n.checked_add(u64::from(c - b'0'))) {
                Some(m) => n = m,
                None => plain = false,
            }
            i += 1;
        }
        let digits = i - start;
        let leading_zero = digits > 1 && bytes[start] == b'0';
        let more = matches!(bytes.get(i), Some(b'.' | b'e' | b'E' | b'-' | b'+'));
        if plain && digits > 0 && !leading_zero && !more {
            self.pos = i;
            return visitor.visit_u64(n);
        }
        while matches!(bytes.get(i), Some(b'0'..=b'9' | b'.' | b'e' | b'E' | b'-' | b'+')) {
            i += 1;
        }
        let span = self.text.get(start..i).ok_or(Bail)?;
        let mut de = serde_json::Deserializer::from_str(span);
        let value = de::Deserializer::deserialize_any(&mut de, visitor).map_err(|_| Bail)?;
        de.end().map_err(|_| Bail)?;
        self.pos = i;
        Ok(value)
    }

    /// Reads an object whose `{` is at the position.
    fn object<V: Visitor<'a>>(&mut self, visitor: V) -> Res<V::Value> {
        self.nested(b'}', |entries| visitor.visit_map(entries))
    }

    /// Reads an array whose `[` is at the position.
    fn array<V: Visitor<'a>>(&mut self, visitor: V) -> Res<V::Value> {
        self.nested(b']', |elements| visitor.visit_seq(elements))
    }
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Bail;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Res<V::Value> {
        match self.peek().ok_or(Bail)? {
            b'"' => self.string()?.visit(visitor),
            b'{' => self.object(visitor),
            b'[' => self.array(visitor),
            b'n' => {
                self.keyword(b"null")?;
                visitor.visit_unit()
            }
            b't' => {
                self.keyword(b"true")?;
                visitor.visit_bool(true)
            }
            b'f' => {
                self.keyword(b"false")?;
                visitor.visit_bool(false)
            }
            b'-' | b'0'..=b'9' => self.number(visitor),
            _ => Err(Bail),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Res<V::Value> {
        if self.peek() == Some(b'n') {
            self.keyword(b"null")?;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Res<V::Value> {
        match self.peek() {
            Some(b'"') => self.string()?.visit(visitor),
            _ => Err(Bail),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Res<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Res<V::Value> {
        match self.peek() {
            Some(b'{') => self.object(visitor),
            _ => Err(Bail),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Res<V::Value> {
        self.deserialize_map(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Res<V::Value> {
        match self.peek() {
            Some(b'[') => self.array(visitor),
            _ => Err(Bail),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Res<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        _visitor: V,
    ) -> Res<V::Value> {
        Err(Bail)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf
        unit unit_struct tuple tuple_struct identifier ignored_any
    }
}

impl<'de> de::SeqAccess<'de> for Access<'_, 'de> {
    type Error = Bail;
    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Res<Option<T::Value>> {
        if !self.more(b']')? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.de).map(Some)
    }
}

impl<'de> de::MapAccess<'de> for Access<'_, 'de> {
    type Error = Bail;
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Res<Option<K::Value>> {
        if !self.more(b'}')? {
            return Ok(None);
        }
        if self.de.peek() != Some(b'"') {
            return Err(Bail);
        }
        seed.deserialize(Key(&mut *self.de)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Res<V::Value> {
        self.de.expect(b':')?;
        seed.deserialize(&mut *self.de)
    }
}

/// An object key: a string, whatever the caller asks for (a caller that
/// wants a number from it gets a string and refuses it).
struct Key<'r, 'a>(&'r mut Reader<'a>);

impl<'de> de::Deserializer<'de> for Key<'_, 'de> {
    type Error = Bail;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Res<V::Value> {
        self.0.string()?.visit(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}
