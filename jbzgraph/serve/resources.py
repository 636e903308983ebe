from starlette.responses import HTMLResponse
async def resource(request):
    return HTMLResponse("<p>r</p>")
