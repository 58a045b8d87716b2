-- W1, the home page: the 20 latest published articles with byline, tags and source.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"query":"{ articles(first: 20) { nodes { title slug excerpt publishedAt authors { name slug } tags { name slug } source { name } } } }"}'

-- Responses are checked during the warm-up only: a response hook makes wrk parse every body,
-- which would take CPU from the server being measured.
if os.getenv("QUIRE_BENCH_CHECK") == "1" then
  function response(status, headers, body)
    if status ~= 200 or body:find('"errors"') then
      io.stderr:write("unexpected response: " .. status .. " " .. body:sub(1, 200) .. "\n")
      wrk.thread:stop()
    end
  end
end
