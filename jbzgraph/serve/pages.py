from starlette.responses import HTMLResponse
async def query_page(request):
    return HTMLResponse("<p>query</p>")
