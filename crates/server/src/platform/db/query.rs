//! One way to run SQL on either engine: `query(SQL).bind(..).fetch_one::<Row>(&mut conn)`.
//!
//! Stores write their SQL once, with `$1`-style parameters (both engines read them), and
//! bind only the few types both engines store the same way: text, 64-bit integers and
//! booleans. Rows decode with sqlx's `FromRow` (tuples or `#[derive(FromRow)]`), which
//! works for the rows of both. Where the engines need different SQL (SQLite's
//! `json_group_array` is PostgreSQL's `json_agg`), a `PerEngine` pair holds both.

use std::borrow::Cow;

use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;
use sqlx::{Database, Encode, FromRow, PgConnection, PgPool, SqliteConnection, SqlitePool, Type};

/// Which engine a connection talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// Where a statement runs: a pool (each statement takes any free connection) or one
/// connection (a transaction, or the connection the request already holds).
pub enum Conn<'a> {
    SqlitePool(&'a SqlitePool),
    PostgresPool(&'a PgPool),
    Sqlite(&'a mut SqliteConnection),
    Postgres(&'a mut PgConnection),
}

impl Conn<'_> {
    pub fn engine(&self) -> Engine {
        match self {
            Conn::SqlitePool(_) | Conn::Sqlite(_) => Engine::Sqlite,
            Conn::PostgresPool(_) | Conn::Postgres(_) => Engine::Postgres,
        }
    }
}

/// A statement whose text differs by engine.
#[derive(Debug, Clone, Copy)]
pub struct PerEngine {
    pub sqlite: &'static str,
    pub postgres: &'static str,
}

impl PerEngine {
    pub fn text(&self, engine: Engine) -> &'static str {
        match engine {
            Engine::Sqlite => self.sqlite,
            Engine::Postgres => self.postgres,
        }
    }
}

enum Sql<'q> {
    Same(&'q str),
    PerEngine(PerEngine),
}

/// A value bound to a parameter: the types stored the same way on both engines.
#[derive(Debug, Clone)]
pub enum Arg<'q> {
    Text(Option<Cow<'q, str>>),
    Int(Option<i64>),
    Bool(Option<bool>),
}

macro_rules! arg_from {
    ($($ty:ty => |$v:ident| $arg:expr;)*) => {
        $(impl<'q> From<$ty> for Arg<'q> {
            fn from($v: $ty) -> Self {
                $arg
            }
        })*
    };
}

arg_from! {
    &'q str => |v| Arg::Text(Some(Cow::Borrowed(v)));
    &'q String => |v| Arg::Text(Some(Cow::Borrowed(v.as_str())));
    String => |v| Arg::Text(Some(Cow::Owned(v)));
    Option<&'q str> => |v| Arg::Text(v.map(Cow::Borrowed));
    Option<String> => |v| Arg::Text(v.map(Cow::Owned));
    i64 => |v| Arg::Int(Some(v));
    Option<i64> => |v| Arg::Int(v);
    bool => |v| Arg::Bool(Some(v));
    Option<bool> => |v| Arg::Bool(v);
}

/// A row type both engines can decode.
pub trait DbRow:
    for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin
{
}
impl<T> DbRow for T where
    T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin
{
}

/// A statement and its parameters, run with `execute` or one of the `fetch_` methods.
#[must_use = "a query does nothing until it is run"]
pub struct Query<'q> {
    sql: Sql<'q>,
    args: Vec<Arg<'q>>,
}

/// A statement with the same text on both engines.
pub fn query(sql: &str) -> Query<'_> {
    Query {
        sql: Sql::Same(sql),
        args: Vec::new(),
    }
}

/// A statement whose text differs by engine.
pub fn query_per_engine(sql: PerEngine) -> Query<'static> {
    Query {
        sql: Sql::PerEngine(sql),
        args: Vec::new(),
    }
}

/// Binds every argument, in order, to a sqlx query of either engine.
fn bind_all<'q, DB>(
    mut query: sqlx::query::Query<'q, DB, <DB as Database>::Arguments<'q>>,
    args: Vec<Arg<'q>>,
) -> sqlx::query::Query<'q, DB, <DB as Database>::Arguments<'q>>
where
    DB: Database,
    Option<Cow<'q, str>>: Encode<'q, DB> + Type<DB>,
    Option<i64>: Encode<'q, DB> + Type<DB>,
    Option<bool>: Encode<'q, DB> + Type<DB>,
{
    for arg in args {
        query = match arg {
            Arg::Text(value) => query.bind(value),
            Arg::Int(value) => query.bind(value),
            Arg::Bool(value) => query.bind(value),
        };
    }
    query
}

/// Runs `$method` on whichever engine `$conn` is, then `$then` on the engine's result
/// (written once, typed per engine).
macro_rules! on_engine {
    ($query:expr, $conn:expr, $method:ident, |$result:ident| $then:expr) => {{
        let Query { sql, args } = $query;
        let text = |engine| match &sql {
            Sql::Same(text) => *text,
            Sql::PerEngine(pair) => pair.text(engine),
        };
        match $conn {
            Conn::SqlitePool(pool) => {
                let pool: &SqlitePool = pool;
                let $result = bind_all(sqlx::query(text(Engine::Sqlite)), args)
                    .$method(pool)
                    .await;
                $then
            }
            Conn::Sqlite(conn) => {
                let $result = bind_all(sqlx::query(text(Engine::Sqlite)), args)
                    .$method(&mut **conn)
                    .await;
                $then
            }
            Conn::PostgresPool(pool) => {
                let pool: &PgPool = pool;
                let $result = bind_all(sqlx::query(text(Engine::Postgres)), args)
                    .$method(pool)
                    .await;
                $then
            }
            Conn::Postgres(conn) => {
                let $result = bind_all(sqlx::query(text(Engine::Postgres)), args)
                    .$method(&mut **conn)
                    .await;
                $then
            }
        }
    }};
}

impl<'q> Query<'q> {
    /// Binds the next `$n` parameter.
    pub fn bind(mut self, value: impl Into<Arg<'q>>) -> Self {
        self.args.push(value.into());
        self
    }

    /// Binds the next parameters, in order.
    pub fn bind_all(mut self, values: impl IntoIterator<Item = Arg<'q>>) -> Self {
        self.args.extend(values);
        self
    }

    /// Runs the statement; returns how many rows it changed.
    pub async fn execute(self, conn: &mut Conn<'_>) -> sqlx::Result<u64> {
        on_engine!(self, conn, execute, |done| done
            .map(|done| done.rows_affected()))
    }

    /// The first row; an error if there is none.
    pub async fn fetch_one<T: DbRow>(self, conn: &mut Conn<'_>) -> sqlx::Result<T> {
        on_engine!(self, conn, fetch_one, |row| row
            .and_then(|row| T::from_row(&row)))
    }

    /// The first row, if any.
    pub async fn fetch_optional<T: DbRow>(self, conn: &mut Conn<'_>) -> sqlx::Result<Option<T>> {
        on_engine!(self, conn, fetch_optional, |row| row
            .and_then(|row| row.map(|row| T::from_row(&row)).transpose()))
    }

    /// Every row.
    pub async fn fetch_all<T: DbRow>(self, conn: &mut Conn<'_>) -> sqlx::Result<Vec<T>> {
        on_engine!(self, conn, fetch_all, |rows| rows
            .and_then(|rows| rows.iter().map(|row| T::from_row(row)).collect()))
    }
}
