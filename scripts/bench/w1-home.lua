-- W1, the home page: the 20 latest published articles with byline, tags and source.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"query":"{ articles(first: 20) { nodes { title slug excerpt publishedAt authors { name slug } tags { name slug } source { name } } } }"}'

function response(status, headers, body)
  if status ~= 200 or body:find('"errors"') then
    io.stderr:write("unexpected response: " .. status .. " " .. body:sub(1, 200) .. "\n")
    wrk.thread:stop()
  end
end
