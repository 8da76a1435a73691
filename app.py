from ai_workshop import create_app

app = create_app()
