"""the story's main text is called story, as in the API, forms and files

Revision ID: 0006_story_text
Revises: 0005_cofac
Create Date: 2026-11-24 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006_story_text'
down_revision = '0005_cofac'
branch_labels = None
depends_on = None


def _rename(old, new):
    # Renamed in place: SQLite (3.25 on) and PostgreSQL both have RENAME COLUMN, so there is
    # no need for batch mode's copy of every story into a new table.
    with op.batch_alter_table('story', schema=None, recreate='never') as batch_op:
        batch_op.alter_column(old, new_column_name=new, existing_type=sa.Text(), existing_nullable=False)


def upgrade():
    _rename('body', 'story')


def downgrade():
    _rename('story', 'body')
